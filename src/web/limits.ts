// What the offline page accepts: fewer rows and bytes than the CLI, so a browser tab never runs out of memory.
import type { Limits } from '../generated/schema-types.js';

/** Reader limits of the page's runs (over the CLI's defaults; README “离线页面” lists them). */
export const PAGE_LIMITS: Limits = {
  maxBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 512 * 1024 * 1024,
  maxRows: 200_000,
};

/** Files at most in one run. */
export const PAGE_MAX_FILES = 20;
/** Bytes of all files of one run together. */
export const PAGE_MAX_TOTAL_BYTES = 128 * 1024 * 1024;
/** Rows of one sheet the sheet view holds (the grid draws only the rows in sight). */
export const PAGE_MAX_GRID_ROWS = 200_000;
