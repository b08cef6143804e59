import { allRuleMetas } from '../../src/rules';
import { runCli } from '../helpers/run-cli';

describe('vmt-oversight explain', () => {
  it.each(allRuleMetas().map((m) => [m.id]))('prints the doc page of %s', async (id) => {
    const result = await runCli(['explain', id]);
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith(`# ${id}\n`)).toBe(true);
    expect(result.stdout).toContain('## How to fix a failure');
  });

  it('lists the rules without an argument', async () => {
    const result = await runCli(['explain']);
    expect(result.status).toBe(0);
    for (const meta of allRuleMetas()) expect(result.stdout).toContain(meta.id);
  });

  it.each([
    ['3', 'versioned-releases'],
    ['clause-3', 'versioned-releases'],
    ['clause 7', 'automated-tests'],
    ['Clause_1', 'embargo'],
    ['Deprecation', 'removal'],
    ['deprecation', 'removal'],
    ['clause-Updating', 'team-consent'],
    [' Versioned-Releases ', 'versioned-releases'],
  ])('finds the rule of %j: %s', async (name, id) => {
    const result = await runCli(['explain', name]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith(`# ${id}\n`)).toBe(true);
  });

  it.each(['no-such-rule', '9', '—', 'clause-'])(
    'answers %j, which names no rule, with the list of rules (exit 2)',
    async (name) => {
      const result = await runCli(['explain', name]);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`unknown rule or clause '${name}'`);
      for (const meta of allRuleMetas()) expect(result.stderr).toContain(`  ${meta.id} `);
      expect(result.stderr).not.toMatch(/\n\n/);
    },
  );
});
