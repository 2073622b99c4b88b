// The messages between the offline page and its Web Worker (the worker runs the core; the page only draws).
import type { Report } from '../generated/schema-types.js';

/** Languages of the page and of its reports. */
export type WebLang = 'zh' | 'en';

/** The options an editor sets on the page, as the CLI's --kind, --profile, --today and --lang. */
export interface WebOptions {
  kind: 'auto' | 'shared' | 'open';
  /** A bundled scoring profile id. */
  profile: string;
  /** CCYY-MM-DD; empty means today (the page's local date). */
  today: string;
  lang: WebLang;
}

/** One file the editor dropped, as bytes (transferred, not copied). */
export interface WebFile {
  name: string;
  bytes: ArrayBuffer;
}

/** What can be downloaded from a run. */
export type DownloadKind = 'annotated' | 'json' | 'html' | 'compiled';

export type ToWorker =
  | { type: 'run'; id: number; files: WebFile[]; options: WebOptions }
  | { type: 'download'; id: number; kind: DownloadKind; file: number };

/** A sheet of a workbook (or a CSV file) as the text of its cells, for the sheet view. */
export interface SheetView {
  /** Sheet name ('' for a CSV file). */
  name: string;
  rows: string[][];
  /** Columns of the widest row. */
  columns: number;
  /** Rows left out because the sheet is longer than the page shows. */
  omitted: number;
}

/** The sheets of one file (none for JSON and XML catalogs). */
export interface FileSheets {
  file: number;
  sheets: SheetView[];
}

/** A scoring profile the page offers. */
export interface ProfileChoice {
  id: string;
  title: string;
}

/** What the summary needs beside the report: thresholds of each rate and the next-threshold lines, in words. */
export interface RunExtras {
  /** Rate id → the percentages the profile's points change at (ascending). */
  thresholds: Record<string, number[]>;
  /** "indicator/item" → how to reach its next threshold, in the report's language. */
  next: Record<string, string>;
  /** The total line of the score, in words. */
  scoreLines: string[];
  /** Indicator status → its label in the report's language. */
  status: Record<string, string>;
}

export type FromWorker =
  | { type: 'ready'; version: string; profiles: ProfileChoice[]; defaultProfile: string }
  | {
      type: 'progress';
      id: number;
      done: number;
      total: number;
      file: string;
      stage: 'check' | 'score' | 'sheets';
    }
  | { type: 'result'; id: number; report: Report; extras: RunExtras }
  | { type: 'sheets'; id: number; files: FileSheets[] }
  | { type: 'file'; id: number; name: string; mime: string; bytes: ArrayBuffer }
  | { type: 'error'; id: number; message: string };
