// `govcat rules`: list every rule (id, category, severity, title); `--format md` is the README table.
import { type Command, Option } from 'commander';
import type { Lang } from '../../i18n/index.js';
import { translate } from '../../i18n/index.js';
import { registryRules } from '../../rules/registry.js';
import { SCHEMA_RULES } from '../../rules/schema-check.js';
import { type CliIO, EXIT } from '../io.js';
import { langOption, UsageError } from '../shared.js';

/** One row of the rule list. */
export interface RuleRow {
  id: string;
  category: string;
  severity: string;
  recommended: boolean;
  fixable: boolean;
  kinds: string;
  title: { zh: string; en: string };
  basis: string;
}

/** Every rule and schema check as rows, sorted by id. */
export function ruleRows(): RuleRow[] {
  const rows: RuleRow[] = registryRules().map((r) => ({
    id: r.meta.id,
    category: r.meta.category,
    severity: r.meta.defaultSeverity,
    recommended: r.meta.docs.recommended,
    fixable: r.meta.fixable === true,
    kinds: (r.meta.kinds ?? ['shared', 'open']).join('/'),
    title: r.meta.docs.title,
    basis: r.meta.docs.basis,
  }));
  for (const s of SCHEMA_RULES) {
    rows.push({
      id: s.id,
      category: s.category,
      severity: s.defaultSeverity,
      recommended: true,
      fixable: false,
      kinds: 'shared/open',
      title: s.title,
      basis: 'schemas/*.schema.json',
    });
  }
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

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

export function registerRules(
  program: Command,
  io: CliIO,
  lang: Lang,
  setExit: (code: number) => void,
): void {
  program
    .command('rules')
    .description(translate(lang, 'cli.rules.description'))
    .addOption(new Option('-f, --format <format>', translate(lang, 'cli.rules.format')).default('table'))
    .addOption(langOption(lang))
    .action((opts: { format: string; lang?: Lang }) => {
      const l = opts.lang ?? lang;
      if (opts.format === 'md') io.stdout.write(rulesMarkdown());
      else if (opts.format === 'json') io.stdout.write(`${JSON.stringify(ruleRows(), null, 2)}\n`);
      else if (opts.format === 'table') {
        const rows = ruleRows();
        const w = Math.max(...rows.map((r) => r.id.length));
        for (const r of rows) {
          io.stdout.write(
            `${r.id.padEnd(w)}  ${r.category.padEnd(14)}  ${r.severity.padEnd(7)}  ${r.title[l]}\n`,
          );
        }
      } else {
        throw new UsageError(
          translate(l, 'cli.unknownFormat', { format: opts.format, formats: 'table、md、json' }),
        );
      }
      setExit(EXIT.ok);
    });
}
