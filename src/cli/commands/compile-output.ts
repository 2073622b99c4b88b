// Human lines for applied fixes and assigned codes, shared by compile and validate --fix.
import pc from 'picocolors';
import { escapeControls } from '../../formatters/terminal.js';
import type { AppliedFix, AssignedCode, Location } from '../../generated/schema-types.js';
import { type Lang, translate } from '../../i18n/index.js';

/** Lines listed per section before “… N more”. */
export const LIST_LIMIT = 100;

function where(location: Location | undefined, entry: number, lang: Lang): string {
  if (location?.sheet && location.cell) return `${location.sheet}!${location.cell}`;
  if (location?.cell) return location.cell;
  if (location?.row) return translate(lang, 'format.row', { row: location.row });
  return `entries[${entry}]`;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `“${escapeControls(value)}”`;
  return escapeControls(JSON.stringify(value) ?? String(value));
}

/** “目录!J7  share.type：“无条件共享” → 1（取值写法）” lines under a heading. */
export function fixLines(
  fixes: readonly AppliedFix[],
  lang: Lang,
  color: boolean,
  preview = false,
): string[] {
  if (fixes.length === 0) return [];
  const c = pc.createColors(color);
  const lines = [
    c.bold(
      translate(lang, preview ? 'compile.fixesPreview' : 'compile.fixesHeading', { count: fixes.length }),
    ),
  ];
  for (const f of fixes.slice(0, LIST_LIMIT)) {
    lines.push(
      `  ${translate(lang, 'compile.fixLine', {
        location: escapeControls(where(f.location, f.entry, lang)),
        field: escapeControls(f.field),
        from: shown(f.from),
        to: shown(f.to),
        kind: translate(lang, `compile.kind.${f.kind}`, { rule: f.ruleId ?? '' }),
      })}`,
    );
  }
  if (fixes.length > LIST_LIMIT)
    lines.push(`  ${translate(lang, 'compile.more', { count: fixes.length - LIST_LIMIT })}`);
  return lines;
}

/** “目录!C9  第 3 条 食品生产许可信息：315018001/4（新编）” lines under a heading. */
export function codeLines(codes: readonly AssignedCode[], lang: Lang, color: boolean): string[] {
  if (codes.length === 0) return [];
  const c = pc.createColors(color);
  const lines = [c.bold(translate(lang, 'compile.codesHeading', { count: codes.length }))];
  for (const a of codes.slice(0, LIST_LIMIT)) {
    lines.push(
      `  ${translate(lang, 'compile.codeLine', {
        location: escapeControls(where(a.location, a.entry, lang)),
        entry: a.entry + 1,
        name: escapeControls(a.entryName ?? ''),
        code: c.green(a.code),
        source: translate(lang, `compile.source.${a.source}`),
      })}`,
    );
  }
  if (codes.length > LIST_LIMIT)
    lines.push(`  ${translate(lang, 'compile.more', { count: codes.length - LIST_LIMIT })}`);
  return lines;
}
