// Streaming xlsx reader: takes the sheet parts from the guarded zip reader as they inflate and scans their XML as it
// arrives, into the same grids as SheetJS. Read top to bottom: the workbook and its relationships
// (xlsx-workbook.ts), the styles' number formats (xlsx-styles.ts), the shared strings (xlsx-strings.ts), each
// worksheet (xlsx-sheet.ts), the rest of the zip, then the limits of the grids; every part is inflated through
// xlsx-parts.ts.
import { CatalogInputError } from '../../errors.js';
import type { Deadline, ResolvedLimits } from '../../limits.js';
import type { Grid, GridBook } from '../../model/grid.js';
import { readSmallPart, StreamFallback } from './xlsx-parts.js';
import { checkGrid, type Pending, type SheetState, worksheet } from './xlsx-sheet.js';
import { sharedStrings } from './xlsx-strings.js';
import { cellFormats, type NumberFormats } from './xlsx-styles.js';
import { readWorkbookPackage } from './xlsx-workbook.js';
import { XmlUnsupported } from './xml-scan.js';
import type { ZipArchive } from './zip-directory.js';

/**
 * Reads an xlsx (its zip directory already checked) into grids without SheetJS: the workbook, its relationships,
 * styles, shared strings and worksheets are inflated once each, as they are scanned; then the other parts, for the
 * zip checks, before any limit of the grids is raised. Throws StreamFallback for anything it does not reproduce
 * exactly (the caller then checks the rest of the zip and reads it with SheetJS), CatalogInputError for limits.
 */
export async function streamWorkbookToGrids(
  zip: ZipArchive,
  file: string,
  limits: ResolvedLimits,
  deadline: Deadline,
  formats: NumberFormats,
): Promise<{ book: GridBook; date1904: boolean }> {
  try {
    const { sheets, date1904, stylesPath, stringsPath } = readWorkbookPackage(zip);
    let xfs: (number | undefined)[] | undefined;
    if (stylesPath !== undefined) {
      const e = zip.part(stylesPath);
      if (!e) throw new StreamFallback('styles part missing');
      xfs = cellFormats(readSmallPart(zip, e), formats);
    }
    let strings: (string | undefined)[] | undefined;
    if (stringsPath !== undefined) {
      const e = zip.part(stringsPath);
      if (!e) throw new StreamFallback('shared strings part missing');
      strings = await sharedStrings(zip, e, deadline);
    }
    deadline.check();
    const states: { name: string; state: SheetState; error: Pending }[] = [];
    for (const sheet of sheets) {
      const e = zip.part(sheet.path);
      if (!e) throw new StreamFallback('sheet part missing');
      const { state, error } = await worksheet(zip, e, {
        file,
        sheet: sheet.name,
        limits,
        strings,
        xfs,
        formats,
        date1904,
        deadline,
      });
      states.push({ name: sheet.name, state, error });
      deadline.check();
    }
    // The zip's own checks come before the limits of the grids, as when the whole zip was checked first.
    zip.checkRest(deadline);
    const grids: Grid[] = [];
    for (const s of states) grids.push(checkGrid(s.state, file, s.name, limits, s.error));
    return { book: { sheets: grids }, date1904 };
  } catch (err) {
    if (err instanceof XmlUnsupported) throw new StreamFallback(err.message);
    if (err instanceof CatalogInputError || err instanceof StreamFallback) throw err;
    // Anything else unexpected: let SheetJS decide what the file is.
    throw new StreamFallback((err as Error).message);
  }
}
