// The error raised when a seeds/ file is missing or does not match its schema (a packaging problem, not user input).

/** Raised when a seeds/ file does not match its schema. */
export class SeedError extends Error {
  constructor(
    file: string,
    /** What is wrong, without the file name. */
    readonly reason: string,
  ) {
    super(`seeds file ${file} is invalid: ${reason}`);
    this.name = 'SeedError';
  }
}
