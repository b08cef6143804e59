import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRuleMetas } from '../../src/rules';

// A rule's doc page is read by a VMT member or a proposer (explain, the HTML page, SARIF help):
// it speaks of the policy and of OpenStack's data, never of this tool's source files or of the
// field names inside its evidence objects.

const RULES_DIR = join(__dirname, '..', '..', 'src', 'rules');

/**
 * Words in camelCase that are English, a format's name, or a key of OpenStack's own data a
 * reader can look up there (Gerrit ACL files' `inheritFrom`), not identifiers of ours.
 */
const ALLOWED_CAMEL_CASE = new Set(['reStructuredText', 'inheritFrom']);

/** What a doc page may not say: one problem per phrase, with its line. */
export function internalNames(page: string): string[] {
  const problems: string[] = [];
  page.split('\n').forEach((raw, index) => {
    // Links are addresses, not prose: their paths may be anything.
    const line = raw.replace(/<?https?:\/\/[^\s>`)]+>?/g, '');
    const where = `line ${index + 1}`;
    for (const match of line.matchAll(/(?<![\w./-])src\/[\w./-]*/g)) {
      problems.push(`${where}: a source path '${match[0]}'`);
    }
    for (const match of line.matchAll(/\b[\w-]+\.(?:ts|js|mjs)\b/g)) {
      problems.push(`${where}: a source file '${match[0]}'`);
    }
    for (const match of line.matchAll(/\b[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*\b/g)) {
      // `X.Y.Z.0rcN`, `X.Y.Z.devN`: a version's shape, N standing for a number.
      if (!ALLOWED_CAMEL_CASE.has(match[0]) && !/^[a-z]+N$/.test(match[0])) {
        problems.push(`${where}: an internal name '${match[0]}'`);
      }
    }
  });
  return problems;
}

describe('rule doc pages', () => {
  it.each(allRuleMetas().map((m) => [m.id]))(
    '%s names no source path and no internal field',
    (id) => {
      const file = join(RULES_DIR, id, 'README.md');
      expect(existsSync(file)).toBe(true);
      expect(internalNames(readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it('tells a source path, a source file and a camelCase field from OpenStack file names', () => {
    const page = [
      'Classified in `src/openstack/versions.ts`; see rules.ts.',
      'Kind `projectConfig`, field `restsOn`; versions `X.Y.Z.0rcN`, `X.Y.Z.devN`.',
      'Reads `reference/projects.yaml`, `zuul.d/`, `.zuul.yaml`, `data/series_status.yaml`,',
      'Gerrit `retired.config`, `release-management: none`, `leadership_type`, reStructuredText,',
      'and <https://opendev.org/openstack/governance/src/branch/master/reference/projects.yaml>.',
    ].join('\n');
    expect(internalNames(page)).toEqual([
      "line 1: a source path 'src/openstack/versions.ts'",
      "line 1: a source file 'versions.ts'",
      "line 1: a source file 'rules.ts'",
      "line 2: an internal name 'projectConfig'",
      "line 2: an internal name 'restsOn'",
    ]);
  });
});
