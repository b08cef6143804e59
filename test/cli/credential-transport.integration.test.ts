/**
 * Credentials from the environment go only over https, or over plain http to this machine
 * (localhost, 127.0.0.0/8, ::1), as `vote --gerrit` requires: a token with a plain-http URL to
 * another host is a usage error naming the variables, and nothing is asked.
 */
import { createTempRepo, type TempRepo } from '../helpers/temp-git';
import { runCli } from '../helpers/run-cli';

let repo: TempRepo;
beforeEach(() => {
  repo = createTempRepo();
  repo.write('repos-overseen.yaml', 'repositories:\n  - name: openstack/alpha\n');
  repo.commit('Add list', '2026-01-01T00:00:00Z');
});
afterEach(() => repo.cleanup());

const check = (env: NodeJS.ProcessEnv) =>
  runCli(['check', '--repo', repo.dir, '--format', 'json'], {
    env: { VMT_OVERSIGHT_NO_CACHE: '1', ...env },
  });

describe.each([
  ['LAUNCHPAD_AUTHORIZATION', 'VMT_OVERSIGHT_LAUNCHPAD_API', 'http://launchpad.example.test/devel'],
  ['GITHUB_TOKEN', 'VMT_OVERSIGHT_GITHUB_API', 'http://github.example.test'],
])('%s with %s', (secret, variable, plain) => {
  it('over plain http to another host is a usage error naming both, the secret not printed', async () => {
    const result = await check({ [secret]: 'secret-value', [variable]: plain });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(secret);
    expect(result.stderr).toContain(variable);
    expect(result.stderr).toMatch(/https, or plain http only to localhost, 127\.0\.0\.0\/8 or ::1/);
    expect(result.stderr + result.stdout).not.toContain('secret-value');
  });

  it.each(['http://127.0.0.1:9', 'http://localhost:9', 'http://[::1]:9', 'https://example.test'])(
    'is accepted with %s',
    async (url) => {
      const result = await check({ [secret]: 'secret-value', [variable]: url });
      expect(result.status).not.toBe(2);
    },
  );

  it('without the secret, a plain-http URL to another host is accepted', async () => {
    const result = await check({ [variable]: plain });
    expect(result.status).not.toBe(2);
  });
});
