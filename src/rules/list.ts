// The rule list as data rows (id, category, severity, title, basis): shared by `govcat rules` and the service.
import { registryRules } from './registry.js';
import { SCHEMA_RULES } from './schema-check.js';

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
