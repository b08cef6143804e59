/**
 * Issue 7, item 5: removal fails closed. Each test deletes one entry from a real list repository
 * and judges it with the real CLI, the real releases source (a plain data directory) and real
 * candidate repositories built with git under --repos-root. Whatever the data cannot settle (a
 * merge-base git cannot compute, a series the data cannot name, no branch recorded anywhere) makes
 * the removal inconclusive (exit 3); a tag that is not an annotated, tagger-dated -eol/-eom/-em on
 * or before the date leaves the branch covered (exit 1). Neither is ever a pass.
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { hermeticGit } from '../helpers/snapshot-repo';
import { parseValidReport } from '../helpers/report-schema';
import { runCli } from '../helpers/run-cli';

const AS_OF = '2026-06-01';

// Shaped like releases' data/series_status.yaml, trimmed. gazpacho (2026.1) is missing on
// purpose, and flamingo is listed without its release-id.
const SERIES_STATUS = `---
- name: flamingo
  status: maintained
  initial-release: 2025-10-01
  next-phase:
    status: end of life
    date: 2027-04-28
- name: epoxy
  release-id: 2025.1
  status: maintained
  slurp: yes
  initial-release: 2025-04-02
  next-phase:
    status: unmaintained
    date: 2026-10-02
- name: dalmatian
  release-id: 2024.2
  status: end of life
  initial-release: 2024-10-02
  eol-date: 2026-04-29
`;

function deliverable(repo: string, branches: string[]): string {
  const listed = branches.map((b) => `  - name: ${b}\n    location: 6.11.0\n`).join('');
  return (
    `---\nlaunchpad: x\nrelease-model: cycle-with-intermediary\nteam: cinder\ntype: library\n` +
    `releases:\n  - version: 6.11.0\n    projects:\n      - repo: ${repo}\n` +
    `        hash: ${'a'.repeat(40)}\n` +
    (listed ? `branches:\n${listed}` : '')
  );
}

let root: string;
let releasesDir: string;
let reposRoot: string;
let listDir: string;
let baseCommit: string;

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

type Git = (args: string[], options?: { date?: string; input?: string }) => string;

/** A candidate repository at `<repos-root>/openstack/<name>`, built by `build`. */
function candidate(name: string, build: (git: Git, dir: string) => void): void {
  const dir = join(reposRoot, 'openstack', name);
  mkdirSync(dir, { recursive: true });
  const git: Git = (args, options = {}) => hermeticGit(dir, args, options).trim();
  git(['init', '--quiet', '--initial-branch=master']);
  build(git, dir);
  git(['checkout', '--quiet', 'master']);
}

function commit(git: Git, message: string, date: string): string {
  git(['commit', '--quiet', '--allow-empty', '-m', message], { date });
  return git(['rev-parse', 'HEAD']);
}

/** master from 2025-01 to 2026-05, stable/2025.1 cut on 2025-03-10 with a backport in 2025-04. */
function withEpoxyBranch(git: Git): void {
  commit(git, 'start', '2025-01-10T10:00:00Z');
  commit(git, 'cut', '2025-03-10T10:00:00Z');
  git(['branch', 'stable/2025.1']);
  commit(git, 'later work', '2026-05-01T10:00:00Z');
  git(['checkout', '--quiet', 'stable/2025.1']);
  commit(git, 'backport', '2025-04-01T10:00:00Z');
  git(['checkout', '--quiet', 'master']);
}

/** An annotated tag object written as given (git tag would refuse), so its tagger can be broken. */
function rawTag(git: Git, name: string, tagger: string, target: string): void {
  const input = `object ${target}\ntype commit\ntag ${name}\n${tagger}\n\n${name}\n`;
  const sha = git(['hash-object', '-t', 'tag', '-w', '--stdin', '--literally'], { input });
  git(['update-ref', `refs/tags/${name}`, sha]);
}

const annotatedTag = (git: Git, name: string, target: string, date: string): void => {
  git(['tag', '-a', '-m', name, name, target], { date });
};

const NAMES = [
  'ok-eol',
  'unrelated-history',
  'missing-parent',
  'intact-parent',
  'lightweight-eol',
  'late-eol',
  'broken-tagger',
  'unnamed-release-id',
  'missing-series',
  'gone-no-branches',
  'gone-with-branch',
  'gone-unlisted-series',
  'shallow-clone',
];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vmt-hostile-removal-'));
  releasesDir = join(root, 'releases');
  reposRoot = join(root, 'repos');
  write(join(releasesDir, 'data/series_status.yaml'), SERIES_STATUS);
  write(
    join(releasesDir, 'deliverables/epoxy/gone-no-branches.yaml'),
    deliverable('openstack/gone-no-branches', []),
  );
  write(
    join(releasesDir, 'deliverables/epoxy/gone-with-branch.yaml'),
    deliverable('openstack/gone-with-branch', ['stable/2025.1']),
  );

  // Its only maintained branch is recorded in the directory of a series the data does not list.
  write(
    join(releasesDir, 'deliverables/dalmatian/gone-unlisted-series.yaml'),
    deliverable('openstack/gone-unlisted-series', ['stable/2024.2']),
  );
  write(
    join(releasesDir, 'deliverables/gazpacho/gone-unlisted-series.yaml'),
    deliverable('openstack/gone-unlisted-series', ['stable/2026.1']),
  );

  // The control: the repository left maintenance on epoxy with an annotated, dated -eol tag.
  candidate('ok-eol', (git) => {
    withEpoxyBranch(git);
    annotatedTag(git, '2025.1-eol', 'stable/2025.1', '2026-02-01T10:00:00Z');
  });
  // stable/2025.1 shares no history with master, and its tip is after the date.
  candidate('unrelated-history', (git) => {
    commit(git, 'start', '2025-01-10T10:00:00Z');
    git(['checkout', '--quiet', '--orphan', 'stable/2025.1']);
    commit(git, 'orphan root', '2025-03-10T10:00:00Z');
    commit(git, 'orphan tip', '2026-07-01T10:00:00Z');
  });
  // The same shape twice: a later tip over a backport; in one the backport's object is gone.
  for (const name of ['missing-parent', 'intact-parent']) {
    candidate(name, (git, dir) => {
      withEpoxyBranch(git);
      git(['checkout', '--quiet', 'stable/2025.1']);
      const backport = git(['rev-parse', 'HEAD']);
      commit(git, 'late backport', '2026-07-01T10:00:00Z');
      if (name === 'missing-parent') {
        unlinkSync(join(dir, '.git', 'objects', backport.slice(0, 2), backport.slice(2)));
      }
    });
  }
  candidate('lightweight-eol', (git) => {
    withEpoxyBranch(git);
    git(['tag', '2025.1-eol', 'stable/2025.1']);
  });
  candidate('late-eol', (git) => {
    withEpoxyBranch(git);
    annotatedTag(git, '2025.1-eol', 'stable/2025.1', '2026-07-01T10:00:00Z');
  });
  // git reads a tagger date it cannot parse as 1970-01-01: that must not count as a date.
  candidate('broken-tagger', (git) => {
    withEpoxyBranch(git);
    const target = git(['rev-parse', 'stable/2025.1']);
    rawTag(git, '2025.1-eol', 'tagger Rel Ease <rel@example.org> not-a-date', target);
  });
  // flamingo has no release-id in the data, so stable/2025.2 cannot be named.
  candidate('unnamed-release-id', (git) => {
    commit(git, 'start', '2025-01-10T10:00:00Z');
    commit(git, 'cut', '2025-09-01T10:00:00Z');
    git(['branch', 'stable/2025.2']);
  });
  // gazpacho (2026.1) is not in the data at all.
  candidate('missing-series', (git) => {
    commit(git, 'start', '2025-01-10T10:00:00Z');
    commit(git, 'cut', '2026-03-02T10:00:00Z');
    git(['branch', 'stable/2026.1']);
  });
  // gone-no-branches and gone-with-branch have no repository under --repos-root.

  // A shallow, single-branch clone of a repository whose stable/2025.1 is still maintained: read
  // as it stands it has no stable branch at all, and the deletion would pass.
  const full = join(root, 'shallow-source');
  mkdirSync(full);
  const fullGit: Git = (args, options = {}) => hermeticGit(full, args, options).trim();
  fullGit(['init', '--quiet', '--initial-branch=master']);
  withEpoxyBranch(fullGit);
  hermeticGit(root, [
    'clone',
    '--quiet',
    '--depth=1',
    '--single-branch',
    `file://${full}`,
    join(reposRoot, 'openstack', 'shallow-clone'),
  ]);

  listDir = join(root, 'list');
  mkdirSync(listDir);
  hermeticGit(listDir, ['init', '--quiet', '--initial-branch=master']);
  writeList(NAMES);
  baseCommit = commitList('Add the list');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function writeList(names: readonly string[]): void {
  const entries = names.map((n) => `  - name: openstack/${n}\n`).join('');
  writeFileSync(join(listDir, 'repos-overseen.yaml'), `repositories:\n${entries}`);
}

function commitList(message: string): string {
  hermeticGit(listDir, ['add', '--all']);
  hermeticGit(listDir, ['commit', '--quiet', '-m', message], { date: '2026-05-30T10:00:00Z' });
  return hermeticGit(listDir, ['rev-parse', 'HEAD']).trim();
}

/** Deletes one entry at head and checks the change against the base, timed. */
async function deleteAndCheck(name: string) {
  writeList(NAMES.filter((n) => n !== name));
  const head = commitList(`Remove ${name}`);
  const started = Date.now();
  const result = await runCli([
    'check',
    '--repo',
    listDir,
    '--base',
    baseCommit,
    '--head',
    head,
    '--releases',
    releasesDir,
    '--repos-root',
    reposRoot,
    '--as-of',
    AS_OF,
    '--no-config',
    '--format',
    'json',
  ]);
  const ms = Date.now() - started;
  hermeticGit(listDir, ['reset', '--quiet', '--hard', baseCommit]);
  const report = parseValidReport(result.stdout);
  const repository = `openstack/${name}`;
  const about = (rule: string) =>
    report.findings.filter((f) => f.rule === rule && f.repository === repository);
  return {
    result,
    report,
    ms,
    removal: about('removal'),
    unavailable: about('evidence-unavailable'),
  };
}

/** The blocking evidence-unavailable of the removal rule, with its message. */
function removalUnavailable(found: Awaited<ReturnType<typeof deleteAndCheck>>) {
  return found.unavailable.filter((f) => f.severity === 'error');
}

describe('hostile: removal fails closed', () => {
  it('control: an annotated, tagger-dated -eol tag ends coverage and the deletion passes', async () => {
    const found = await deleteAndCheck('ok-eol');
    expect(found.result.stderr).toBe('');
    expect(found.removal).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: expect.stringContaining('stable/2025.1: the repository tagged 2025.1-eol'),
      }),
    ]);
    expect(found.report.verdict).toBe('pass');
    expect(found.result.status).toBe(0);
    expect(found.ms).toBeLessThan(10_000);
  });

  it('unrelated histories (no merge-base): the later stable branch is undetermined, exit 3', async () => {
    const found = await deleteAndCheck('unrelated-history');
    expect(removalUnavailable(found)).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /stable\/2025\.1 is a stable branch still maintained on 2026-06-01 cannot be established.*merge-base master stable\/2025\.1 found no common ancestor/,
        ),
      }),
    ]);
    expect(found.report.verdict).toBe('inconclusive');
    expect(found.result.status).toBe(3);
    expect(found.ms).toBeLessThan(10_000);
  });

  it('a missing commit object makes merge-base fail: undetermined, exit 3', async () => {
    const found = await deleteAndCheck('missing-parent');
    expect(removalUnavailable(found)).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /merge-base master stable\/2025\.1 failed: error: Could not read/,
        ),
      }),
    ]);
    expect(found.result.status).toBe(3);
    expect(found.ms).toBeLessThan(10_000);
  });

  it('the same repository with its object intact: the branch existed and is covered, exit 1', async () => {
    const found = await deleteAndCheck('intact-parent');
    expect(found.removal).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('stable/2025.1 (epoxy) is still maintained'),
      }),
    ]);
    expect(found.result.status).toBe(1);
  });

  it('a lightweight -eol tag does not end coverage: exit 1', async () => {
    const found = await deleteAndCheck('lightweight-eol');
    expect(found.removal).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining(
          "the repository's 2025.1-eol is a lightweight tag, with no tagger date of its own",
        ),
      }),
    ]);
    expect(found.result.status).toBe(1);
    expect(found.ms).toBeLessThan(10_000);
  });

  it('an annotated -eol tag created after the date does not end coverage: exit 1', async () => {
    const found = await deleteAndCheck('late-eol');
    expect(found.removal).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining(
          'stable/2025.1 (epoxy) is still maintained as of 2026-06-01',
        ),
      }),
    ]);
    expect(found.result.status).toBe(1);
  });

  it('an annotated -eol tag with an unparseable tagger date does not end coverage: exit 1', async () => {
    const found = await deleteAndCheck('broken-tagger');
    expect(found.removal).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining(
          '2025.1-eol is tagged 1970-01-01, before epoxy was released',
        ),
      }),
    ]);
    expect(found.result.status).toBe(1);
  });

  it('a series listed without its release-id: its stable branch is undetermined, exit 3', async () => {
    const found = await deleteAndCheck('unnamed-release-id');
    expect(removalUnavailable(found)).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(
          'stable/2025.2: no series in series_status.yaml has release-id 2025.2',
        ),
      }),
    ]);
    expect(found.result.status).toBe(3);
  });

  it('a series missing from series_status.yaml: its stable branch is undetermined, exit 3', async () => {
    const found = await deleteAndCheck('missing-series');
    expect(removalUnavailable(found)).toEqual([
      expect.objectContaining({ message: expect.stringContaining('release-id 2026.1') }),
    ]);
    expect(found.result.status).toBe(3);
  });

  it('no repository and a deliverable file without branches: undetermined, exit 3', async () => {
    const found = await deleteAndCheck('gone-no-branches');
    expect(removalUnavailable(found)).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(
          'record no stable branch of openstack/gone-no-branches that existed on 2026-06-01, and there is no repository',
        ),
      }),
    ]);
    expect(found.result.status).toBe(3);
    expect(found.ms).toBeLessThan(10_000);
  });

  it('no repository, a branch recorded under a series series_status.yaml lacks: exit 3', async () => {
    const found = await deleteAndCheck('gone-unlisted-series');
    expect(removalUnavailable(found)).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(
          'stable/2026.1: recorded in deliverables/gazpacho/gone-unlisted-series.yaml, whose series gazpacho series_status.yaml does not list',
        ),
      }),
    ]);
    expect(found.result.status).toBe(3);
  });

  it('no repository, the deliverable file records the branch: it is covered, exit 1', async () => {
    const found = await deleteAndCheck('gone-with-branch');
    expect(found.removal).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('stable/2025.1 (epoxy) is still maintained'),
      }),
    ]);
    expect(found.result.status).toBe(1);
  });

  it('a shallow clone is never read as "no stable branch": undetermined, exit 3', async () => {
    const found = await deleteAndCheck('shallow-clone');
    expect(found.removal.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(removalUnavailable(found)).toEqual([
      expect.objectContaining({ message: expect.stringContaining('is a shallow clone') }),
    ]);
    expect(found.report.verdict).toBe('inconclusive');
    expect(found.result.status).toBe(3);
    expect(found.ms).toBeLessThan(10_000);
  });
});
