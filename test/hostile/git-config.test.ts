import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RepositorySource } from '../../src/sources/repository/source';
import { createTempRepo, type TempRepo } from '../helpers/temp-git';

// Threat: a candidate repository's own .git/config names programs for git to run. Reading it
// (tags, branches, history, files) must run none of them, whoever owns the repository.

let root: string;
let markers: string;
let candidate: TempRepo;

/** A script that leaves a marker file named after what ran it. */
function trap(name: string): string {
  const path = join(markers, `${name}.sh`);
  writeFileSync(
    path,
    `#!/bin/sh\ntouch '${join(markers, `ran-${name}`)}'\ncat >/dev/null\nexit 0\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

function ran(): string[] {
  return readdirSync(markers).filter((name) => name.startsWith('ran-'));
}

/**
 * A commit carrying a (fake) signature, so that signature checks would call gpg.program, with
 * a later commit on top: judged before that later date, the signed commit is the one shown.
 */
function signedCommit(repo: TempRepo): void {
  const tree = repo.git('rev-parse', 'HEAD^{tree}').trim();
  const parent = repo.git('rev-parse', 'HEAD').trim();
  const body = [
    `tree ${tree}`,
    `parent ${parent}`,
    'author A <a@example.org> 1748736000 +0000',
    'committer A <a@example.org> 1748736000 +0000',
    'gpgsig -----BEGIN PGP SIGNATURE-----',
    ' iQEzBAABCAAdFiEE',
    ' -----END PGP SIGNATURE-----',
    '',
    'Signed change',
    '',
  ].join('\n');
  const path = join(markers, 'commit.txt');
  writeFileSync(path, body);
  const sha = repo.git('hash-object', '-t', 'commit', '-w', path).trim();
  repo.git('update-ref', 'refs/heads/master', sha);
  repo.git('reset', '--quiet', '--hard', sha);
  repo.commit('Later', '2026-01-01T00:00:00Z');
}

function hostileConfig(repo: TempRepo): void {
  const hooks = join(markers, 'hooks');
  execFileSync('mkdir', ['-p', hooks]);
  for (const hook of [
    'post-checkout',
    'post-index-change',
    'reference-transaction',
    'pre-auto-gc',
  ]) {
    writeFileSync(join(hooks, hook), `#!/bin/sh\ntouch '${join(markers, `ran-hook-${hook}`)}'\n`);
    chmodSync(join(hooks, hook), 0o755);
  }
  const settings: [string, string][] = [
    ['log.showSignature', 'true'],
    ['gpg.program', trap('gpg')],
    ['gpg.ssh.program', trap('gpg-ssh')],
    ['core.fsmonitor', trap('fsmonitor')],
    ['core.pager', trap('pager')],
    ['pager.log', trap('pager-log')],
    ['core.hooksPath', hooks],
    ['diff.external', trap('diff-external')],
    ['core.askPass', trap('askpass')],
    ['credential.helper', `!${trap('credential')}`],
    ['core.sshCommand', trap('ssh')],
    ['extensions.partialClone', 'origin'],
    ['remote.origin.promisor', 'true'],
    ['remote.origin.url', `ext::${trap('ext')} %G`],
    ['core.repositoryFormatVersion', '1'],
  ];
  for (const [key, value] of settings) repo.git('config', key, value);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vmt-hostile-root-'));
  markers = mkdtempSync(join(tmpdir(), 'vmt-hostile-markers-'));
  candidate = createTempRepo();
  execFileSync('mkdir', ['-p', join(root, 'openstack')]);
  candidate.write('tox.ini', '[testenv]\ncommands = stestr run\n');
  candidate.write(
    '.zuul.yaml',
    '- project:\n    check:\n      jobs:\n        - openstack-tox-py3\n',
  );
  candidate.commit('Initial', '2025-01-01T00:00:00Z');
  candidate.tag('1.0.0', '2025-01-02T00:00:00Z');
  candidate.git('branch', 'stable/2025.1');
  signedCommit(candidate);
  hostileConfig(candidate);
  execFileSync('mv', [candidate.dir, join(root, 'openstack', 'evil')]);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(markers, { recursive: true, force: true });
});

async function readCandidate() {
  const source = new RepositorySource({ reposRoot: root, asOf: '2025-12-01' });
  return source.facts('openstack/evil');
}

describe('a candidate whose .git/config names programs', () => {
  it('is a real attack: plain `git log` in it runs gpg.program', () => {
    const gitDir = join(root, 'openstack', 'evil', '.git');
    execFileSync('git', ['--git-dir', gitDir, 'log', '-2'], { stdio: 'ignore' });
    expect(ran()).toContain('ran-gpg');
  });

  it('is read (tags, branches, history, files) and nothing runs', async () => {
    const started = Date.now();
    const facts = await readCandidate();
    expect(facts.tags.map((tag) => tag.name)).toEqual(['1.0.0']);
    expect(facts.branches.map((branch) => branch.name)).toEqual(['master', 'stable/2025.1']);
    expect(ran()).toEqual([]);
    expect(Date.now() - started).toBeLessThan(10000);
  });

  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot('is read and nothing runs when another account owns it', async () => {
    const dir = join(root, 'openstack', 'evil');
    execFileSync('chown', ['-R', 'nobody', dir]);
    chownSync(markers, 0, 0);
    const facts = await readCandidate();
    expect(facts.tags.map((tag) => tag.name)).toEqual(['1.0.0']);
    expect(ran()).toEqual([]);
  });
});

describe('an inherited environment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_CONFIG_PARAMETERS', 'GIT_EXTERNAL_DIFF']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('cannot redirect git or make it run a program', async () => {
    const other = createTempRepo();
    try {
      other.commit('Other', '2025-01-01T00:00:00Z');
      other.tag('9.9.9', '2025-01-02T00:00:00Z');
      process.env.GIT_DIR = join(other.dir, '.git');
      process.env.GIT_WORK_TREE = other.dir;
      process.env.GIT_CONFIG_PARAMETERS = `'core.fsmonitor'='${trap('env-fsmonitor')}'`;
      process.env.GIT_EXTERNAL_DIFF = trap('env-diff');
      const facts = await readCandidate();
      expect(facts.tags.map((tag) => tag.name)).toEqual(['1.0.0']);
      expect(ran()).toEqual([]);
    } finally {
      other.cleanup();
    }
  });
});

it('the trap itself works (so an empty marker list means nothing ran)', () => {
  execFileSync(trap('self'));
  expect(existsSync(join(markers, 'ran-self'))).toBe(true);
});
