// Test set-up: the modules under test read seeds/ and schemas/ of this package, as the Node adapters install it.
import { useNodeData } from '../../src/data/node.js';

useNodeData();
