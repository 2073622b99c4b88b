// Applies auditor-accepted suppressions (rule + resource code or name, with a reason and optional expiry).
import type { Suppression } from '../generated/schema-types.js';
import type { Diagnostic } from './types.js';

/** A suppressed diagnostic with the suppression that matched it. */
export interface SuppressedDiagnostic extends Diagnostic {
  suppression: { reason: string; expires?: string };
}

/** What applying suppressions produced. */
export interface SuppressionResult {
  kept: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
}

function matches(s: Suppression, d: Diagnostic): boolean {
  return (
    (s.code === undefined || s.code === d.resourceCode) && (s.name === undefined || s.name === d.entryName)
  );
}

/**
 * Splits diagnostics into kept and suppressed. A suppression applies to findings of its rule on the entry
 * with its resource code (and/or name); without code and name, to the whole file. An expired suppression
 * (expires before today) no longer applies: the finding is kept and carries `expiredSuppression`, so the
 * lapse is visible rather than silent.
 */
export function applySuppressions(
  diagnostics: readonly Diagnostic[],
  suppressions: readonly Suppression[] | undefined,
  today: string,
): SuppressionResult {
  const list = suppressions ?? [];
  if (list.length === 0) return { kept: [...diagnostics], suppressed: [] };
  // Indexed by rule id, so a large catalog with many suppressions is not a product of the two.
  const byRule = new Map<string, Suppression[]>();
  for (const s of list) {
    const slot = byRule.get(s.rule);
    if (slot) slot.push(s);
    else byRule.set(s.rule, [s]);
  }
  const kept: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const d of diagnostics) {
    const candidates = byRule.get(d.ruleId);
    const live = candidates?.find((s) => (!s.expires || s.expires >= today) && matches(s, d));
    if (live) {
      const suppression: SuppressedDiagnostic['suppression'] = { reason: live.reason };
      if (live.expires) suppression.expires = live.expires;
      suppressed.push({ ...d, suppression });
      continue;
    }
    const expired = candidates?.find((s) => s.expires !== undefined && s.expires < today && matches(s, d));
    if (expired) {
      kept.push({ ...d, expiredSuppression: { reason: expired.reason, expires: expired.expires! } });
    } else kept.push(d);
  }
  return { kept, suppressed };
}
