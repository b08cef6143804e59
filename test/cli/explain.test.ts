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

  it('answers an unknown rule with the list of rules (exit 2)', async () => {
    const result = await runCli(['explain', 'no-such-rule']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown rule 'no-such-rule'");
    expect(result.stderr).toContain('versioned-releases');
  });
});
