// The validators gen-validators.mjs precompiles (dist/src/schema/validators.cjs), which the page's build bundles
// into the worker under this name (scripts/build-web.mjs).
declare module 'govcat:precompiled-validators' {
  import type { PrecompiledValidators } from '../data/source.js';

  const validators: PrecompiledValidators;
  export = validators;
}
