// Applies auditor-accepted suppressions (rule + resource code or name, with a reason and optional expiry).
import type { Suppression } from '../generated/schema-types.js';
import type { Diagnostic } from './types.js';

/** A suppressed diagnostic with the suppression that matched it. */
export interface SuppressedDiagnostic extends Diagnostic {
  suppression: { reason: string; expires?: string };
}

/** Splits diagnostics into kept and suppressed. Expired suppressions (expires < today) do not apply. */
export function applySuppressions(
  diagnostics: readonly Diagnostic[],
  suppressions: readonly Suppression[] | undefined,
  today: string,
): { kept: Diagnostic[]; suppressed: SuppressedDiagnostic[] } {
  const live = (suppressions ?? []).filter((s) => !s.expires || s.expires >= today);
  if (live.length === 0) return { kept: [...diagnostics], suppressed: [] };
  const kept: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const d of diagnostics) {
    const match = live.find(
      (s) =>
        s.rule === d.ruleId &&
        (s.code === undefined || s.code === d.resourceCode) &&
        (s.name === undefined || s.name === d.entryName),
    );
    if (!match) {
      kept.push(d);
      continue;
    }
    const suppression: SuppressedDiagnostic['suppression'] = { reason: match.reason };
    if (match.expires) suppression.expires = match.expires;
    suppressed.push({ ...d, suppression });
  }
  return { kept, suppressed };
}
