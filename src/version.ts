// The package version as a constant, so the report carries it without reading package.json (a test keeps them equal).

/** The version of govcat (package.json "version"). */
export const GOVCAT_VERSION = '0.1.0';

/** The package version (package.json "version"). */
export function govcatVersion(): string {
  return GOVCAT_VERSION;
}
