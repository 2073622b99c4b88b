// `govcat rules`: list every rule (id, category, severity, title); `--format md` is the README table.
import { type Command, Option } from 'commander';
import { displayWidth, padDisplay } from '../../formatters/location.js';
import type { Lang } from '../../i18n/index.js';
import { joinList, translate } from '../../i18n/index.js';
import { ruleRows } from '../../rules/list.js';
import { type CliIO, EXIT } from '../io.js';
import { formatOption, langOption, UsageError } from '../shared.js';

/** The Markdown rule table embedded in README (between the rules markers). */
export function rulesMarkdown(): string {
  const lines = [
    '| 规则 rule | 类别 category | 默认级别 severity | 推荐 recommended | 可修复 fixable | 适用 kinds | 说明 title | 依据 basis |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of ruleRows()) {
    const link = r.id.startsWith('schema/') ? `\`${r.id}\`` : `[\`${r.id}\`](validators/${r.id}/README.md)`;
    lines.push(
      `| ${link} | ${r.category} | ${r.severity} | ${r.recommended ? '✓' : ''} | ${r.fixable ? '✓' : ''} | ${r.kinds} | ${r.title.zh} · ${r.title.en} | ${r.basis.replace(/\|/g, '\\|')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const CATEGORIES = ['naming', 'metadata', 'completeness', 'classification', 'code', 'field', 'dataset'];

/** The plain-text listing: a header, one aligned row per rule, a footer with counts. */
export function rulesTable(lang: Lang, category?: string): string {
  const rows = ruleRows().filter((r) => !category || r.category === category);
  const header = translate(lang, 'rules.header').split('|');
  const cells = [header, ...rows.map((r) => [r.id, r.category, r.severity, r.title[lang]])];
  const widths = [0, 1, 2].map((i) => Math.max(...cells.map((row) => displayWidth(row[i]!))));
  const out = cells.map((row) =>
    row
      .map((cell, i) => (i < 3 ? padDisplay(cell, widths[i]!) : cell))
      .join('  ')
      .trimEnd(),
  );
  const all = ruleRows();
  const schema = all.filter((r) => r.id.startsWith('schema/')).length;
  const rules = all.length - schema;
  const recommended = all.filter((r) => !r.id.startsWith('schema/') && r.recommended).length;
  out.push('', translate(lang, 'rules.footer', { rules, recommended, schema }));
  return `${out.join('\n')}\n`;
}

export function registerRules(
  program: Command,
  io: CliIO,
  lang: Lang,
  setExit: (code: number) => void,
): void {
  program
    .command('rules')
    .description(translate(lang, 'cli.rules.description'))
    .addOption(formatOption(translate(lang, 'cli.rules.format'), 'table'))
    .addOption(new Option('--category <category>', translate(lang, 'rules.optionCategory')))
    .addOption(langOption(lang))
    .action((opts: { format: string; category?: string; lang?: Lang }) => {
      const l = opts.lang ?? lang;
      if (opts.category !== undefined && !CATEGORIES.includes(opts.category)) {
        throw new UsageError(
          translate(l, 'rules.unknownCategory', {
            category: opts.category,
            categories: joinList(CATEGORIES, l),
          }),
        );
      }
      if (opts.format === 'md') io.stdout.write(rulesMarkdown());
      else if (opts.format === 'json')
        io.stdout.write(
          `${JSON.stringify(
            ruleRows().filter((r) => !opts.category || r.category === opts.category),
            null,
            2,
          )}\n`,
        );
      else if (opts.format === 'table') io.stdout.write(rulesTable(l, opts.category));
      else {
        throw new UsageError(
          translate(l, 'cli.unknownFormat', { format: opts.format, formats: 'table、md、json' }),
        );
      }
      setExit(EXIT.ok);
    });
}
