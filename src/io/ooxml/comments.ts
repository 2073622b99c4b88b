// Cell comments (notes) added to a worksheet part: the comments part, its VML shapes, the relationships
// and the legacyDrawing element; a sheet that already has notes keeps them and gets ours appended.
import { escapeXml, NS, type OoxmlPackage } from './package.js';
import { decodeCell, insertChild } from './sheet.js';
import { relationshipPrefix } from './workbook.js';

const AUTHOR = 'govcat';

function textRuns(body: string): string {
  return `<r><rPr><sz val="9"/><rFont val="宋体"/><family val="2"/><charset val="134"/></rPr><t xml:space="preserve">${escapeXml(body)}</t></r>`;
}

function shape(id: number, row: number, col: number, lines: number): string {
  const height = Math.min(20, Math.max(4, lines + 1));
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:260pt;height:${height * 12}pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${Math.max(0, row - 2)}, 10, ${col + 5}, 15, ${row - 2 + height}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** Shape-id blocks (idmap) already used by the package's VML parts, so new shapes do not collide. */
function usedBlocks(pkg: OoxmlPackage): number {
  let max = 0;
  for (const name of pkg.names()) {
    if (!name.endsWith('.vml')) continue;
    const xml = pkg.text(name) ?? '';
    for (const m of xml.matchAll(/<o:idmap\b[^>]*\bdata="([^"]*)"/g))
      for (const n of m[1]!.split(/[,\s]+/)) if (/^\d+$/.test(n)) max = Math.max(max, Number(n));
    for (const m of xml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Math.floor(Number(m[1]) / 1024));
  }
  return max;
}

/** A note to add: the cell reference, its text and its position. */
interface Note {
  ref: string;
  body: string;
  at: { row: number; col: number };
}

/**
 * Adds notes to the worksheet `sheetPart`: `notes` maps a cell reference to its text. A cell that already has
 * a note gets the text appended to it (one note per cell is all Excel allows). Returns the edited sheet XML
 * (with the legacyDrawing element), leaving the caller to store it.
 */
export function addComments(
  pkg: OoxmlPackage,
  sheetPart: string,
  sheetXml: string,
  notes: ReadonlyMap<string, string>,
): string {
  const p = /<(\w+:)?worksheet\b/.exec(sheetXml)?.[1] ?? '';
  const parts = sheetParts(pkg, sheetPart, sheetXml, p);
  const sorted = [...notes.entries()]
    .map(([ref, body]) => ({ ref, body, at: decodeCell(ref)! }))
    .filter((n) => n.at)
    .sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
  // 1. The comments part.
  const existing = parts.commentsPart ? pkg.text(parts.commentsPart) : undefined;
  const fresh = existing
    ? appendComments(pkg, parts.commentsPart!, existing, sorted)
    : newComments(pkg, sheetPart, sorted);
  // 2. The VML shapes that make the notes show (Excel draws a note only when it has a shape).
  return addShapes(pkg, sheetPart, sheetXml, p, parts, fresh);
}

/** The sheet's relationships and the comments and VML parts it already has (the legacyDrawing's first). */
function sheetParts(pkg: OoxmlPackage, sheetPart: string, sheetXml: string, p: string) {
  const rels = pkg.relationships(sheetPart);
  let commentsPart: string | undefined;
  let vmlPart: string | undefined;
  for (const rel of rels.values()) {
    if (rel.external) continue;
    if (rel.type === NS.comments) commentsPart = rel.target;
    if (rel.type === NS.vml) vmlPart = rel.target;
  }
  const legacy = new RegExp(`<${p}legacyDrawing\\b[^>]*?\\b(?:\\w+:)?id="([^"]+)"`).exec(sheetXml);
  if (legacy) vmlPart = rels.get(legacy[1]!)?.target ?? vmlPart;
  return { rels, commentsPart, vmlPart, hasLegacy: legacy !== null };
}

/** Text runs in the comments part's namespace prefix. */
function prefixedRuns(body: string, cp: string): string {
  return textRuns(body).replace(/<(\/?)(r|rPr|sz|rFont|family|charset|t)\b/g, `<$1${cp}$2`);
}

/** Appends the notes to an existing comments part (our author added once); returns the notes on cells new to it. */
function appendComments(pkg: OoxmlPackage, commentsPart: string, existing: string, sorted: Note[]): Note[] {
  let xml = existing;
  const cp = /<(\w+:)?comments\b/.exec(xml)?.[1] ?? '';
  const authors = [...xml.matchAll(new RegExp(`<${cp}author>([\\s\\S]*?)</${cp}author>`, 'g'))].map(
    (m) => m[1],
  );
  let author = authors.indexOf(AUTHOR);
  if (author < 0) {
    author = authors.length;
    xml = /<(\w+:)?authors\s*\/>/.test(xml)
      ? xml.replace(
          /<(\w+:)?authors\s*\/>/,
          `<${cp}authors><${cp}author>${AUTHOR}</${cp}author></${cp}authors>`,
        )
      : xml.replace(`</${cp}authors>`, `<${cp}author>${AUTHOR}</${cp}author></${cp}authors>`);
  }
  const fresh: Note[] = [];
  let added = '';
  for (const n of sorted) {
    const existing = new RegExp(
      `(<${cp}comment\\b[^>]*\\bref="${n.ref}"[^>]*>[\\s\\S]*?)(</${cp}text>)`,
    ).exec(xml);
    if (existing) {
      const run = prefixedRuns(`\n${n.body}`, cp);
      xml = `${xml.slice(0, existing.index)}${existing[1]}${run}${existing[2]}${xml.slice(existing.index + existing[0].length)}`;
    } else {
      fresh.push(n);
      added += `<${cp}comment ref="${n.ref}" authorId="${author}"><${cp}text>${prefixedRuns(n.body, cp)}</${cp}text></${cp}comment>`;
    }
  }
  xml = /<(\w+:)?commentList\s*\/>/.test(xml)
    ? xml.replace(/<(\w+:)?commentList\s*\/>/, `<${cp}commentList>${added}</${cp}commentList>`)
    : xml.replace(`</${cp}commentList>`, `${added}</${cp}commentList>`);
  pkg.set(commentsPart, xml);
  return fresh;
}

/** A new comments part for the sheet holding every note; all of them are fresh. */
function newComments(pkg: OoxmlPackage, sheetPart: string, sorted: Note[]): Note[] {
  const commentsPart = pkg.freeName('xl/comments', '.xml');
  const list = sorted
    .map((n) => `<comment ref="${n.ref}" authorId="0"><text>${textRuns(n.body)}</text></comment>`)
    .join('');
  pkg.set(
    commentsPart,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS.main}"><authors><author>${AUTHOR}</author></authors><commentList>${list}</commentList></comments>`,
  );
  pkg.contentType('Override', `/${commentsPart}`, NS.ctComments);
  pkg.addRelationship(sheetPart, NS.comments, commentsPart);
  return sorted;
}

/** Adds a shape per fresh note to the sheet's VML part (or a new one) and points the sheet at it; returns the sheet XML. */
function addShapes(
  pkg: OoxmlPackage,
  sheetPart: string,
  sheetXml: string,
  p: string,
  parts: ReturnType<typeof sheetParts>,
  fresh: Note[],
): string {
  const { rels, vmlPart } = parts;
  const block = usedBlocks(pkg) + 1;
  const blocks = Math.ceil((fresh.length + 1) / 1024);
  const data = Array.from({ length: blocks }, (_, i) => block + i).join(',');
  const shapes = fresh
    .map((n, i) => shape(block * 1024 + i + 1, n.at.row, n.at.col, n.body.split('\n').length))
    .join('');
  const vml = vmlPart ? pkg.text(vmlPart) : undefined;
  if (vml === undefined || !vmlPart) {
    const newPart = pkg.freeName('xl/drawings/vmlDrawing', '.vml');
    pkg.set(
      newPart,
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout>${SHAPETYPE}${shapes}</xml>`,
    );
    pkg.contentType('Default', 'vml', NS.ctVml);
    const rid = pkg.addRelationship(sheetPart, NS.vml, newPart);
    return insertChild(sheetXml, legacyElement(p, sheetXml, rid));
  }
  if (fresh.length === 0) return sheetXml;
  let out = vml.replace(/(<o:idmap\b[^>]*\bdata=")([^"]*)"/, (_m, a, d) => `${a}${d},${data}"`);
  if (!out.includes('id="_x0000_t202"')) out = out.replace(/<\/xml>\s*$/, `${SHAPETYPE}</xml>`);
  pkg.set(vmlPart, out.replace(/<\/xml>\s*$/, `${shapes}</xml>`));
  if (!parts.hasLegacy) {
    // Shapes in a drawing the sheet does not point at yet (rare): point at it.
    const rid = [...rels].find(([, r]) => r.target === vmlPart)?.[0];
    if (rid) return insertChild(sheetXml, legacyElement(p, sheetXml, rid));
  }
  return sheetXml;
}

function legacyElement(p: string, sheetXml: string, rid: string): string {
  const rp = relationshipPrefix(sheetXml);
  const attr = rp ? `${rp}:id="${rid}"` : `xmlns:r="${NS.rel}" r:id="${rid}"`;
  return `<${p}legacyDrawing ${attr}/>`;
}
