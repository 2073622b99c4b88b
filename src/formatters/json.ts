// The JSON format: the report contract, verbatim (schemas/report.schema.json).
import type { Formatter } from './types.js';

export const json: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`;
