// File names without node:path, so the core runs in a browser too.

/** The extension of a file name with its dot (`.xlsx`), or '' — as node:path's extname. */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 && base !== '..' ? base.slice(dot) : '';
}

/** The last part of a path (`/` or `\` separated), as node:path's basename. */
export function baseNameOf(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}
