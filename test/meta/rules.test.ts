import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRuleMetas, listRules, repositoryRules } from '../../src/rules';

const root = join(__dirname, '..', '..');
const rulesDir = join(root, 'src', 'rules');
const DESIGN_RULE_IDS = [
  'list-schema',
  'list-consistency',
  'embargo',
  'official-project',
  'versioned-releases',
  'private-tracker',
  'security-contact',
  'security-liaison',
  'automated-tests',
  'threat-analysis',
  'removal',
  'team-consent',
  'configuration',
  'evidence-unavailable',
];
const SECTIONS = ['## Clause', '## How it is checked', '## Evidence', '## How to fix a failure'];

describe('the rule registry', () => {
  const metas = allRuleMetas();

  it('lists each rule once', () => {
    const ids = metas.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('only uses the rule ids of DESIGN.md', () => {
    for (const meta of metas) expect(DESIGN_RULE_IDS).toContain(meta.id);
  });

  it('registers every rule folder', () => {
    const folders = readdirSync(rulesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual(metas.map((m) => m.id).sort());
  });

  it('gives rules of the repository scope applicable needs', () => {
    for (const rule of repositoryRules) expect(rule.scope).toBe('repository');
    for (const rule of listRules) expect(rule.scope).toBe('list');
  });

  describe.each(metas.map((m) => [m.id, m] as const))('%s', (id, meta) => {
    const doc = join(rulesDir, id, 'README.md');

    it('has a doc page with the fixed sections in order', () => {
      expect(existsSync(doc)).toBe(true);
      const text = readFileSync(doc, 'utf8');
      expect(text.startsWith(`# ${id}\n`)).toBe(true);
      const positions = SECTIONS.map((s) => text.indexOf(`\n${s}\n`));
      for (const position of positions) expect(position).toBeGreaterThan(0);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });

    it('is in the README rule table with its clause', () => {
      const readme = readFileSync(join(root, 'README.md'), 'utf8');
      expect(readme).toContain(`| \`${id}\` | ${meta.clause} |`);
    });

    it('states a clause and a title', () => {
      expect(meta.clause).toMatch(/^([1-8]|Deprecation|Updating|—)$/);
      expect(meta.title.length).toBeGreaterThan(10);
    });
  });
});
