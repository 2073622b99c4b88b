// Rule documentation for formats that describe rules (SARIF, HTML): title, category, severity and basis by id.
import type { Category, Severity } from '../generated/schema-types.js';
import type { Bilingual } from '../i18n/index.js';
import { registryRules } from '../rules/registry.js';
import { SCHEMA_RULES } from '../rules/schema-check.js';

/** What a format can say about a rule. */
export interface RuleInfo {
  id: string;
  title: Bilingual;
  category: Category;
  defaultSeverity: Severity;
  basis: string;
  /** Documentation path inside the package (validators/<id>/README.md), for rules that have one. */
  docs?: string;
}

let cache: Map<string, RuleInfo> | undefined;

/** Every registered rule and schema check, by id. */
export function ruleInfos(): ReadonlyMap<string, RuleInfo> {
  if (cache) return cache;
  cache = new Map();
  for (const r of registryRules()) {
    cache.set(r.meta.id, {
      id: r.meta.id,
      title: r.meta.docs.title,
      category: r.meta.category,
      defaultSeverity: r.meta.defaultSeverity,
      basis: r.meta.docs.basis,
      docs: `validators/${r.meta.id}/README.md`,
    });
  }
  for (const s of SCHEMA_RULES) {
    cache.set(s.id, {
      id: s.id,
      title: s.title,
      category: s.category,
      defaultSeverity: s.defaultSeverity,
      basis: 'schemas/*.schema.json',
    });
  }
  return cache;
}
