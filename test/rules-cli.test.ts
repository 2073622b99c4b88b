// `govcat rules`: the listing (id, category, severity, title), category filter, Markdown table, JSON.
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../src/cli/commands/rules.js';
import { registryRules } from '../src/rules/registry.js';
import { runCli } from './helpers/cli.js';

describe('govcat rules', () => {
  it('lists every rule with category, default severity and Chinese title, under a header', async () => {
    const r = await runCli(['rules']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^规则\s+类别\s+默认级别\s+说明$/);
    for (const rule of registryRules())
      expect(r.stdout).toMatch(
        new RegExp(
          `\\n${rule.meta.id}\\s+${rule.meta.category}\\s+${rule.meta.defaultSeverity}\\s+${rule.meta.docs.title.zh}`,
        ),
      );
    expect(r.stdout).toContain(`共 ${registryRules().length} 条规则`);
  });

  it('filters by category and writes English titles with --lang en', async () => {
    const r = await runCli(['rules', '--category', 'naming', '--lang', 'en']);
    expect(r.code).toBe(0);
    const ids = r.stdout
      .split('\n')
      .slice(1)
      .map((l) => l.split(/\s+/)[0])
      .filter((id) => id?.includes('/'));
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.every((id) => id!.startsWith('naming/'))).toBe(true);
    expect(r.stdout).toContain('names carry no time fragment');
  });

  it('rejects an unknown category or format with exit 2', async () => {
    const a = await runCli(['rules', '--category', 'nameing']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('没有类别“nameing”');
    expect((await runCli(['rules', '--format', 'xml'])).code).toBe(2);
  });

  it('prints the README rule table with --format md and machine-readable rows with --format json', async () => {
    const md = await runCli(['rules', '--format', 'md']);
    expect(md.stdout).toBe(rulesMarkdown());
    expect(md.stdout).toContain(
      '| [`naming/no-time-fragment`](validators/naming/no-time-fragment/README.md) | naming | warning | ✓ |  | shared/open |',
    );
    const json = JSON.parse((await runCli(['rules', '--format', 'json', '--category', 'dataset'])).stdout);
    expect(json.map((r: { id: string }) => r.id)).toEqual([
      'dataset/fragmentation',
      'dataset/low-volume',
      'dataset/stale-update',
    ]);
  });
});
