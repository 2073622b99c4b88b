// GitHub Actions workflow commands: one ::error/::warning/::notice annotation per finding, file and line when known.
import type { Finding, Report } from '../generated/schema-types.js';
import { joinClauses, labelled, translate } from '../i18n/index.js';
import { rateText } from './describe.js';
import { displayLocation } from './location.js';
import { columnNumber } from './sarif.js';
import type { Formatter } from './types.js';
import { tooManyWarnings } from './visible.js';

const COMMAND: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a workflow command message (data). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command property value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

export const github: Formatter = (report: Report, ctx) => {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.error) {
      lines.push(command('error', { file: file.path, title: file.error.code }, file.error.message));
      continue;
    }
    for (const f of file.findings) {
      lines.push(
        command(
          COMMAND[f.severity],
          {
            file: file.path,
            line: f.location.row,
            col: f.location.column ? columnNumber(f.location.column) : undefined,
            title: f.ruleId,
          },
          labelled(displayLocation(f, ctx.lang), f.message, ctx.lang),
        ),
      );
    }
  }
  const s = report.summary;
  const summary = translate(ctx.lang, 'report.summary', {
    entries: s.entries,
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos ?? 0,
  });
  if (tooManyWarnings(report, ctx))
    lines.push(
      command(
        'error',
        { title: 'govcat --max-warnings' },
        translate(ctx.lang, 'report.tooManyWarnings', { warnings: s.warnings, max: ctx.maxWarnings }),
      ),
    );
  const rateTexts = Object.values(report.rates ?? {})
    .filter((r) => r !== undefined)
    .map((r) => rateText(r, ctx.lang));
  const rates = joinClauses(rateTexts, ctx.lang);
  lines.push(`${summary}${rates ? `  ${rates}` : ''}`);
  return `${lines.join('\n')}\n`;
};
