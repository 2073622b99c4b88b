// The workbook part and its relationships: the sheets in order (name and part), the 1904 date system, and where
// the styles and the shared strings are.
import { readSmallPart, resolveTarget, StreamFallback, scan, unescapeXml } from './xlsx-parts.js';
import { attr } from './xml-scan.js';
import type { ZipArchive } from './zip-directory.js';

interface SheetRef {
  name: string;
  path: string;
}

function workbookSheets(workbookXml: string, relsXml: string): { sheets: SheetRef[]; date1904: boolean } {
  const rels = new Map<string, { target: string; type: string }>();
  scan(relsXml, {
    open(name, raw) {
      if (name !== 'Relationship') return;
      const id = attr(raw, 'Id');
      const target = attr(raw, 'Target');
      if (id !== undefined && target !== undefined) rels.set(id, { target, type: attr(raw, 'Type') ?? '' });
    },
    close() {},
    text() {},
  });
  const sheets: SheetRef[] = [];
  let date1904 = false;
  scan(workbookXml, {
    open(name, raw) {
      if (name === 'workbookPr') {
        const v = attr(raw, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const sheetName = attr(raw, 'name');
        const id = attr(raw, 'id');
        const rel = id === undefined ? undefined : rels.get(id);
        if (sheetName === undefined || !rel) throw new StreamFallback('sheet without relationship');
        if (!rel.type.endsWith('/worksheet')) throw new StreamFallback(`sheet of type ${rel.type}`);
        sheets.push({ name: unescapeXml(sheetName), path: resolveTarget('xl/workbook.xml', rel.target) });
      }
    },
    close() {},
    text() {},
  });
  if (sheets.length === 0) throw new StreamFallback('no sheets');
  return { sheets, date1904 };
}

/** What the workbook part and its relationships say (paths are part names in the zip). */
export interface WorkbookPackage {
  sheets: SheetRef[];
  date1904: boolean;
  stylesPath: string | undefined;
  stringsPath: string | undefined;
}

/**
 * Reads the content types, the workbook's relationships and the workbook part (each small, read whole); throws
 * StreamFallback when the package is not the plain form the streaming reader takes.
 */
export function readWorkbookPackage(zip: ZipArchive): WorkbookPackage {
  const types = zip.part('[Content_Types].xml');
  const wbEntry = zip.part('xl/workbook.xml');
  const relsEntry = zip.part('xl/_rels/workbook.xml.rels');
  if (!types || !wbEntry || !relsEntry) throw new StreamFallback('not a plain xlsx package');
  const typesXml = readSmallPart(zip, types);
  if (!typesXml.includes('PartName="/xl/workbook.xml"')) throw new StreamFallback('workbook part elsewhere');
  const rels = readSmallPart(zip, relsEntry);
  const { sheets, date1904 } = workbookSheets(readSmallPart(zip, wbEntry), rels);
  let stylesPath: string | undefined;
  let stringsPath: string | undefined;
  scan(rels, {
    open(name, raw) {
      if (name !== 'Relationship') return;
      const type = attr(raw, 'Type') ?? '';
      const target = attr(raw, 'Target');
      if (target === undefined) return;
      if (type.endsWith('/styles')) stylesPath = resolveTarget('xl/workbook.xml', target);
      else if (type.endsWith('/sharedStrings')) stringsPath = resolveTarget('xl/workbook.xml', target);
    },
    close() {},
    text() {},
  });
  return { sheets, date1904, stylesPath, stringsPath };
}
