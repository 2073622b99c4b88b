// The workbook part of a package: its sheets (name → part), adding a sheet, and extending styles.xml.
import { attributes, escapeXml, NS, type OoxmlPackage, PackageError } from './package.js';

/** A sheet as the workbook lists it. */
export interface SheetRef {
  name: string;
  part: string;
}

/** The workbook part's name (from the package relationships, `xl/workbook.xml` by convention). */
export function workbookPart(pkg: OoxmlPackage): string {
  for (const rel of pkg.relationships('').values())
    if (rel.type.endsWith('/officeDocument') && !rel.external) return rel.target;
  if (pkg.has('xl/workbook.xml')) return 'xl/workbook.xml';
  throw new PackageError('no workbook part');
}

/** The element prefix a part uses for the spreadsheet namespace (`x:` in some generators, usually none). */
export function prefixOf(xml: string, root: string): string {
  const m = new RegExp(`<(\\w+:)?${root}\\b`).exec(xml);
  return m?.[1] ?? '';
}

/** The sheets in workbook order. */
export function sheets(pkg: OoxmlPackage): SheetRef[] {
  const wb = workbookPart(pkg);
  const xml = pkg.text(wb) ?? '';
  const rels = pkg.relationships(wb);
  const out: SheetRef[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    let id: string | undefined;
    for (const [k, v] of a) if (k === 'r:id' || k.endsWith(':id')) id = v;
    const rel = id ? rels.get(id) : undefined;
    if (rel && !rel.external) out.push({ name: a.get('name') ?? '', part: rel.target });
  }
  return out;
}

/**
 * Adds a worksheet part as the first sheet. Sheet-scoped defined names and the active tab are indexed by
 * position, so they shift by one; the rest of workbook.xml is kept as it was.
 */
export function addFirstSheet(pkg: OoxmlPackage, name: string, sheetXml: string): string {
  const wb = workbookPart(pkg);
  const part = pkg.freeName('xl/worksheets/sheet', '.xml');
  pkg.set(part, sheetXml);
  pkg.contentType('Override', `/${part}`, NS.ctSheet);
  const rid = pkg.addRelationship(wb, NS.worksheet, part);
  let xml = pkg.text(wb)!;
  const p = prefixOf(xml, 'workbook');
  const ids = [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bsheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...ids) + 1;
  const relPrefix = relationshipPrefix(xml);
  const rAttr = relPrefix ? `${relPrefix}:id="${rid}"` : `xmlns:r="${NS.rel}" r:id="${rid}"`;
  const entry = `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${rAttr}/>`;
  xml = xml.replace(new RegExp(`<${p}sheets>`), (m) => `${m}${entry}`);
  xml = xml.replace(
    /(<(?:\w+:)?definedName\b[^>]*?\blocalSheetId=")(\d+)"/g,
    (_m, a, n) => `${a}${Number(n) + 1}"`,
  );
  xml = xml.replace(/(<(?:\w+:)?workbookView\b[^>]*?)\/?>/g, (m, head: string) => {
    const close = m.endsWith('/>') ? '/>' : '>';
    const a = attributes(head);
    let out = head;
    const active = Number(a.get('activeTab') ?? 0);
    out = /\bactiveTab="/.test(out)
      ? out.replace(/\bactiveTab="\d+"/, `activeTab="${active + 1}"`)
      : `${out} activeTab="${active + 1}"`;
    return `${out}${close}`;
  });
  pkg.set(wb, xml);
  return part;
}

/** The prefix a part's root element declares for the relationships namespace (`r` usually), or undefined. */
export function relationshipPrefix(xml: string): string | undefined {
  const root = /<(?![?!])[^>]*>/.exec(xml)?.[0] ?? '';
  for (const [name, value] of attributes(root))
    if (name.startsWith('xmlns:') && value === NS.rel) return name.slice(6);
  return undefined;
}

/** Appends to styles.xml without renumbering what is there: new fills and cell formats go at the end. */
export class StyleEditor {
  private xml: string;
  private readonly p: string;
  private xfs: string[] = [];
  private original = 0;
  private readonly clones = new Map<string, number>();
  private fill: number | undefined;
  private changed = false;

  constructor(
    private readonly pkg: OoxmlPackage,
    private readonly part: string | undefined,
  ) {
    this.xml = (part && pkg.text(part)) || '';
    this.p = prefixOf(this.xml, 'styleSheet');
    const list = new RegExp(`<${this.p}cellXfs\\b[^>]*>([\\s\\S]*?)</${this.p}cellXfs>`).exec(this.xml);
    if (list) this.xfs = [...list[1]!.matchAll(this.xfPattern())].map((m) => m[0]);
    this.original = this.xfs.length;
  }

  /** Whether the workbook has a styles part with cell formats that can be extended. */
  get usable(): boolean {
    return this.xfs.length > 0;
  }

  private xfPattern(): RegExp {
    return new RegExp(`<${this.p}xf\\b[^>]*?(?:\\/>|>[\\s\\S]*?</${this.p}xf>)`, 'g');
  }

  /** The fill id of the one highlight fill, appended on first use. */
  private highlightFill(rgb: string): number {
    if (this.fill !== undefined) return this.fill;
    const p = this.p;
    const fill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    const re = new RegExp(`<${p}fills\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)</${p}fills>)`);
    const m = re.exec(this.xml);
    if (m) {
      const count = [...(m[2] ?? '').matchAll(new RegExp(`<${p}fill\\b`, 'g'))].length;
      const head = m[1]!.replace(/\s*\bcount="\d+"/, '');
      this.xml = `${this.xml.slice(0, m.index)}<${p}fills${head} count="${count + 1}">${m[2] ?? ''}${fill}</${p}fills>${this.xml.slice(m.index + m[0].length)}`;
      this.fill = count;
    } else {
      // Fills 0 and 1 are reserved (none, gray125).
      const fills = `<${p}fills count="3"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill>${fill}</${p}fills>`;
      this.xml = this.xml.replace(
        new RegExp(`(<${p}borders\\b|<${p}cellStyleXfs\\b|<${p}cellXfs\\b)`),
        `${fills}$1`,
      );
      this.fill = 2;
    }
    this.changed = true;
    return this.fill;
  }

  private append(xf: string): number {
    this.xfs.push(xf);
    this.changed = true;
    return this.xfs.length - 1;
  }

  /** The cell format index of `style` with the highlight fill (one clone per original format). */
  highlighted(style: number, rgb: string): number {
    const key = `fill:${style}`;
    const known = this.clones.get(key);
    if (known !== undefined) return known;
    const fillId = this.highlightFill(rgb);
    const base = this.xfs[style] ?? this.xfs[0]!;
    const open = /^<[^>]*?(?=\/?>)/.exec(base)![0];
    let head = /\bfillId="/.test(open)
      ? open.replace(/\bfillId="\d+"/, `fillId="${fillId}"`)
      : `${open} fillId="${fillId}"`;
    head = /\bapplyFill="/.test(head)
      ? head.replace(/\bapplyFill="[^"]*"/, 'applyFill="1"')
      : `${head} applyFill="1"`;
    const index = this.append(`${head}${base.slice(open.length)}`);
    this.clones.set(key, index);
    return index;
  }

  /** A plain cell format with a built-in number format (e.g. 10 = 0.00%), appended once. */
  numberFormat(numFmtId: number): number {
    const key = `fmt:${numFmtId}`;
    const known = this.clones.get(key);
    if (known !== undefined) return known;
    const index = this.append(
      `<${this.p}xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    );
    this.clones.set(key, index);
    return index;
  }

  /** Appends a child (`font`, `fill`, `border`) to its list (`fonts`, `fills`, `borders`); returns its index. */
  appendTo(list: 'fonts' | 'fills' | 'borders', child: string): number {
    const p = this.p;
    const item = list.slice(0, -1);
    const re = new RegExp(`<${p}${list}\\b([^>]*?)>([\\s\\S]*?)</${p}${list}>`);
    const m = re.exec(this.xml);
    if (!m) throw new PackageError(`styles.xml has no ${list}`);
    const count = [...m[2]!.matchAll(new RegExp(`<${p}${item}\\b`, 'g'))].length;
    const head = m[1]!.replace(/\s*\bcount="\d+"/, '');
    this.xml = `${this.xml.slice(0, m.index)}<${p}${list}${head} count="${count + 1}">${m[2]}${child}</${p}${list}>${this.xml.slice(m.index + m[0].length)}`;
    this.changed = true;
    return count;
  }

  /** Appends a cell format (an `xf` element, prefix added by the caller) and returns its index. */
  addXf(xf: string): number {
    return this.append(xf);
  }

  /** The element prefix of this styles part (usually none). */
  get prefix(): string {
    return this.p;
  }

  /** Writes styles.xml back when something was appended (existing formats keep their numbers). */
  commit(): void {
    if (!this.changed || !this.part) return;
    const p = this.p;
    const re = new RegExp(`<${p}cellXfs\\b([^>]*)>([\\s\\S]*?)</${p}cellXfs>`);
    const added = this.xfs.slice(this.original).join('');
    this.xml = this.xml.replace(re, (_m, head: string, body: string) => {
      const attrs = head.replace(/\s*\bcount="\d+"/, '');
      return `<${p}cellXfs${attrs} count="${this.xfs.length}">${body}${added}</${p}cellXfs>`;
    });
    this.pkg.set(this.part, this.xml);
  }
}

/** The styles part of the workbook, if any. */
export function stylesPart(pkg: OoxmlPackage): string | undefined {
  for (const rel of pkg.relationships(workbookPart(pkg)).values())
    if (rel.type.endsWith('/styles') && !rel.external) return rel.target;
  return undefined;
}
