import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withGitSlot, gitSlotsInUse, GIT_PROCESS_LIMIT } from '../../src/git/limit';
import { createGit } from '../../src/git/run';
import { parseValidReport } from '../helpers/report-schema';
import { runCli } from '../helpers/run-cli';
import { createTempRepo, tempRepoAt, type TempRepo } from '../helpers/temp-git';

const LIST = 'repos-overseen.yaml';
const ONE = 'repositories:\n  - name: openstack/alpha\n';
const DUPLICATE = `${ONE}  - name: openstack/alpha\n`;

describe('check --repo A from inside a hook of repository B', () => {
  let a: TempRepo;
  let b: TempRepo;
  const saved = { dir: process.env.GIT_DIR, tree: process.env.GIT_WORK_TREE };
  beforeEach(() => {
    a = createTempRepo();
    a.write(LIST, ONE);
    a.commit('List', '2026-01-01T00:00:00Z');
    a.write(LIST, DUPLICATE);
    a.commit('Duplicate', '2026-01-02T00:00:00Z');
    b = createTempRepo();
    b.write(LIST, ONE);
    b.commit('List', '2026-01-01T00:00:00Z');
    b.commit('Nothing', '2026-01-02T00:00:00Z');
  });
  afterEach(() => {
    if (saved.dir === undefined) delete process.env.GIT_DIR;
    else process.env.GIT_DIR = saved.dir;
    if (saved.tree === undefined) delete process.env.GIT_WORK_TREE;
    else process.env.GIT_WORK_TREE = saved.tree;
    a.cleanup();
    b.cleanup();
  });

  it('judges A, not the repository GIT_DIR names', async () => {
    process.env.GIT_DIR = join(b.dir, '.git');
    process.env.GIT_WORK_TREE = b.dir;
    const result = await runCli([
      'check',
      '--repo',
      a.dir,
      '--base',
      'HEAD~1',
      '--head',
      'HEAD',
      '--format',
      'json',
    ]);
    expect(result.status).toBe(1);
    const report = parseValidReport(result.stdout);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'list-consistency', severity: 'error', line: 3 }),
    );
  });
});

describe('git that is missing', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('is a usage error (exit 2) that says so', async () => {
    const repo = createTempRepo();
    try {
      repo.write(LIST, ONE);
      repo.commit('List', '2026-01-01T00:00:00Z');
      const empty = mkdtempSync(join(tmpdir(), 'vmt-no-git-'));
      process.env.PATH = empty;
      const result = await runCli(['check', '--repo', repo.dir]);
      process.env.PATH = path;
      rmSync(empty, { recursive: true, force: true });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('git is not installed or not on PATH');
      expect(result.stdout).toBe('');
    } finally {
      repo.cleanup();
    }
  });
});

describe('git processes', () => {
  it('never run more at once than the run-wide limit, however many are asked for', async () => {
    const repo = createTempRepo();
    try {
      repo.commit('One', '2026-01-01T00:00:00Z');
      const git = createGit(join(repo.dir, '.git'));
      let peak = 0;
      const calls = Array.from({ length: GIT_PROCESS_LIMIT * 4 }, () =>
        withGitSlot(async () => undefined).then(() =>
          git.run(['rev-parse', 'HEAD']).finally(() => {
            peak = Math.max(peak, gitSlotsInUse().active);
          }),
        ),
      );
      const answers = await Promise.all(calls);
      expect(new Set(answers.map((a) => a.toString().trim())).size).toBe(1);
      expect(peak).toBeGreaterThan(0);
      expect(peak).toBeLessThanOrEqual(GIT_PROCESS_LIMIT);
    } finally {
      repo.cleanup();
    }
  });
});

describe('the default base on a git-review topic branch', () => {
  it('is the merge-base with the branch .gitreview names, and the report says so', async () => {
    const upstream = createTempRepo();
    const clone = mkdtempSync(join(tmpdir(), 'vmt-review-'));
    try {
      upstream.write(
        '.gitreview',
        '[gerrit]\nhost=review.opendev.org\nproject=openstack/ossa.git\ndefaultbranch=master\n',
      );
      upstream.write(LIST, ONE);
      const forkPoint = upstream.commit('List', '2026-01-01T00:00:00Z');
      const work = join(clone, 'ossa');
      upstream.git('clone', '--quiet', '--origin', 'gerrit', upstream.dir, work);
      const topic = tempRepoAt(work);
      topic.git('checkout', '--quiet', '--no-track', '-b', 'add-beta', 'gerrit/master');
      topic.write(LIST, DUPLICATE);
      topic.commit('First step', '2026-01-02T00:00:00Z');
      topic.commit('Second step', '2026-01-03T00:00:00Z');
      const result = await runCli(['check', '--repo', work, '--format', 'json']);
      const report = parseValidReport(result.stdout);
      expect(report.base).toBe(forkPoint);
      expect(report.baseLabel).toBe('merge-base(HEAD, gerrit/master), the branch .gitreview names');
      expect(result.status).toBe(1); // HEAD~1 as the base would have hidden the duplicate
      const text = await runCli(['check', '--repo', work]);
      expect(text.stdout).toContain('.gitreview');
    } finally {
      upstream.cleanup();
      rmSync(clone, { recursive: true, force: true });
    }
  });
});
