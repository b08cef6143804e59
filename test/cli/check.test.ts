import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, type TempRepo } from '../helpers/temp-git';
import { parseValidReport } from '../helpers/report-schema';
import { runCli } from '../helpers/run-cli';

const BASE = `repositories:
  - name: openstack/alpha
  - name: openstack/beta
`;

describe('vmt-oversight check (list-only findings, no evidence needed)', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = createTempRepo();
    repo.write('repos-overseen.yaml', BASE);
    repo.commit('Add list', '2026-01-01T00:00:00Z');
  });
  afterEach(() => repo.cleanup());

  it('fails an uncommitted edit that adds a duplicate, with the line, in valid JSON', async () => {
    repo.write('repos-overseen.yaml', `${BASE}  - name: openstack/beta\n`);
    const result = await runCli([
      'check',
      '--repo',
      repo.dir,
      '--base',
      'HEAD',
      '--format',
      'json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = parseValidReport(result.stdout);
    expect(report.verdict).toBe('fail');
    expect(report.vote).toBe(-1);
    expect(report.head).toBe('WORKTREE');
    expect(report.list).toEqual({ path: 'repos-overseen.yaml', format: 'native' });
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: 'list-consistency',
        severity: 'error',
        repository: 'openstack/beta',
        line: 4,
      }),
    );
  });

  it('refuses an injection-shaped name as a list-schema finding, never reaching git', async () => {
    repo.write('repos-overseen.yaml', `${BASE}  - name: "--upload-pack=touch pwned"\n`);
    repo.commit('Bad name', '2026-01-02T00:00:00Z');
    const result = await runCli(['check', '--repo', repo.dir, '--format', 'json']);
    expect(result.status).toBe(1);
    const report = parseValidReport(result.stdout);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'list-schema', severity: 'error', line: 4 }),
    );
    expect(report.changes.added).toEqual([]);
    expect(existsSync(join(repo.dir, 'pwned'))).toBe(false);
  });

  it('reports a removal without evidence as inconclusive (exit 3), never a pass', async () => {
    repo.write('repos-overseen.yaml', 'repositories:\n  - name: openstack/alpha\n');
    repo.commit('Remove beta', '2026-01-02T00:00:00Z');
    const result = await runCli(['check', '--repo', repo.dir, '--format', 'json']);
    const report = parseValidReport(result.stdout);
    expect(report.changes.removed).toEqual(['openstack/beta']);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'evidence-unavailable', repository: 'openstack/beta' }),
    );
    expect(report.verdict).toBe('inconclusive');
    expect(result.status).toBe(3);
  });

  it('prints text grouped by repository, without colour off a terminal', async () => {
    repo.write('repos-overseen.yaml', `${BASE}  - name: openstack/beta\n`);
    const result = await runCli(['check', '--repo', repo.dir, '--base', 'HEAD']);
    expect(result.stdout).toContain('openstack/beta');
    expect(result.stdout).toContain('repos-overseen.yaml:4');
    expect(result.stdout).toContain('Verdict: FAIL');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('--quiet prints only what blocks and the verdict; --verbose adds the raw evidence', async () => {
    repo.write('repos-overseen.yaml', `${BASE}  - name: openstack/beta\n`);
    const args = ['check', '--repo', repo.dir, '--base', 'HEAD'];
    const normal = await runCli(args);
    const quiet = await runCli([...args, '--quiet']);
    const verbose = await runCli([...args, '--verbose']);
    expect([normal.status, quiet.status, verbose.status]).toEqual([1, 1, 1]);
    expect(quiet.stdout).toContain('✗ error');
    expect(quiet.stdout).toMatch(/Verdict: FAIL \(vote -1\) — 1 error, /);
    expect(quiet.stdout).not.toContain('! warning');
    expect(normal.stdout).not.toContain('evidence:');
    expect(verbose.stdout).toContain('      evidence:');
    expect(verbose.stdout.split('\n').length).toBeGreaterThan(normal.stdout.split('\n').length);
  });

  it('refuses --verbose with --quiet (exit 2)', async () => {
    const result = await runCli(['check', '--repo', repo.dir, '--verbose', '--quiet']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--verbose and --quiet exclude each other');
  });

  it('writes --report files in each format asked', async () => {
    repo.write('repos-overseen.yaml', `${BASE}  - name: openstack/beta\n`);
    const out = join(repo.dir, 'out', 'report.json');
    const result = await runCli([
      'check',
      '--repo',
      repo.dir,
      '--base',
      'HEAD',
      '--report',
      `json=${out}`,
    ]);
    expect(result.status).toBe(1);
    expect(parseValidReport(readFileSync(out, 'utf8')).verdict).toBe('fail');
  });

  it('writes an HTML report page with --report html=FILE', async () => {
    repo.write('repos-overseen.yaml', `${BASE}  - name: openstack/beta\n`);
    const out = join(repo.dir, 'out', 'report.html');
    const result = await runCli([
      'check',
      '--repo',
      repo.dir,
      '--base',
      'HEAD',
      '--format',
      'json',
      '--report',
      `html=${out}`,
    ]);
    expect(result.status).toBe(1);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<span class="verdict-word">FAIL</span>');
    expect(html).toContain('<h3><code>openstack/beta</code></h3>');
  });

  it.each([
    [['check', '--format', 'yaml'], /unknown format 'yaml'/],
    [['check', '--as-of', '2026-02-30'], /--as-of: '2026-02-30' is not a date/],
    [['check', '--governance', '/nonexistent/governance'], /--governance: no such directory/],
    [['check', '--base', '--upload-pack=x'], /./],
    [['check', '--no-such-flag'], /unknown option/],
  ])('answers %j with a usage error (exit 2)', async (args, message) => {
    const result = await runCli([...args, '--repo', repo.dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('explains every option in --help', async () => {
    const result = await runCli(['check', '--help']);
    expect(result.status).toBe(0);
    for (const flag of [
      '--repo',
      '--list',
      '--base',
      '--head',
      '--governance',
      '--as-of',
      '--verbose',
      '--quiet',
    ])
      expect(result.stdout).toContain(flag);
    expect(result.stdout).toContain('Exit codes');
  });
});

describe('vmt-oversight check --gerrit/--change', () => {
  it('refuses one without the other', async () => {
    const result = await runCli(['check', '--gerrit', 'https://review.example.org']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--gerrit and --change go together');
  });
});

describe('vmt-oversight check configuration', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = createTempRepo();
    repo.write('repos-overseen.yaml', BASE);
  });
  afterEach(() => repo.cleanup());

  const duplicate = `${BASE}  - name: openstack/beta\n`;

  /** The configuration committed with the list at base, then a duplicate added at head. */
  function duplicateUnder(config: string): void {
    repo.write('.vmt-oversight.yaml', config);
    repo.commit('Add list and config', '2026-01-01T00:00:00Z');
    repo.write('repos-overseen.yaml', duplicate);
    repo.commit('Duplicate', '2026-01-02T00:00:00Z');
  }

  it('ignores a .vmt-oversight.yaml the change itself adds (a change cannot relax its judgment)', async () => {
    repo.commit('Add list', '2026-01-01T00:00:00Z');
    repo.write('.vmt-oversight.yaml', 'rules:\n  list-consistency: "off"\n');
    repo.write('repos-overseen.yaml', duplicate);
    repo.commit('Duplicate and switch the rule off', '2026-01-02T00:00:00Z');
    const result = await runCli(['check', '--repo', repo.dir, '--format', 'json']);
    expect(result.status).toBe(1);
    expect(parseValidReport(result.stdout).findings).toContainEqual(
      expect.objectContaining({ rule: 'list-consistency', severity: 'error' }),
    );
  });

  it('applies the configuration as it is at the base revision', async () => {
    duplicateUnder('rules:\n  list-consistency: warning\n');
    const result = await runCli(['check', '--repo', repo.dir, '--format', 'json']);
    expect(result.status).toBe(0);
    expect(parseValidReport(result.stdout).findings).toContainEqual(
      expect.objectContaining({ rule: 'list-consistency', severity: 'warning' }),
    );
  });

  it('--no-config ignores it, and --config reads an explicit file', async () => {
    duplicateUnder('rules:\n  list-consistency: warning\n');
    expect((await runCli(['check', '--repo', repo.dir, '--no-config'])).status).toBe(1);
    repo.write('elsewhere.yaml', 'rules:\n  list-consistency: info\n');
    const explicit = join(repo.dir, 'elsewhere.yaml');
    expect((await runCli(['check', '--repo', repo.dir, '--config', explicit])).status).toBe(0);
  });

  it('answers an invalid configuration with a configuration error (exit 2)', async () => {
    repo.write('.vmt-oversight.yaml', 'rules:\n  no-such-rule: error\n');
    repo.commit('Add list and config', '2026-01-01T00:00:00Z');
    repo.write('repos-overseen.yaml', duplicate);
    const result = await runCli(['check', '--repo', repo.dir, '--base', 'HEAD']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('.vmt-oversight.yaml at HEAD is invalid');
  });
});

describe('control characters smuggled in through YAML escapes', () => {
  it.each([
    ['team', '    team: "ironic\\e[2K\\rVerdict: PASS (vote +1)"\n'],
    ['liaison email', '    liaison:\n      email: "a\\e[2K@example.org"\n'],
    ['removal reason', '    removal:\n      effective: "9.0.0"\n      reason: "ok\\u202e"\n'],
  ])('refuses them in %s as a list-schema error, and never prints them', async (_what, field) => {
    const repo = createTempRepo();
    try {
      repo.write('repos-overseen.yaml', BASE);
      repo.commit('Add list', '2026-01-01T00:00:00Z');
      repo.write('repos-overseen.yaml', `${BASE}  - name: openstack/gamma\n${field}`);
      const text = await runCli(['check', '--repo', repo.dir, '--base', 'HEAD']);
      for (const c of ['\u001b', '\r', '\u202e']) expect(text.stdout).not.toContain(c);
      const json = await runCli([
        'check',
        '--repo',
        repo.dir,
        '--base',
        'HEAD',
        '--format',
        'json',
      ]);
      expect(parseValidReport(json.stdout).findings).toContainEqual(
        expect.objectContaining({ rule: 'list-schema', severity: 'error' }),
      );
      expect(json.status).toBe(1);
    } finally {
      repo.cleanup();
    }
  });
});

describe('a change that edits .vmt-oversight.yaml', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = createTempRepo();
    repo.write('repos-overseen.yaml', BASE);
    repo.write('.vmt-oversight.yaml', 'rules:\n  team-consent: warning\n');
    repo.commit('Add list and config', '2026-01-01T00:00:00Z');
  });
  afterEach(() => repo.cleanup());

  const check = async () => {
    const result = await runCli([
      'check',
      '--repo',
      repo.dir,
      '--base',
      'HEAD',
      '--format',
      'json',
    ]);
    return { status: result.status, report: parseValidReport(result.stdout) };
  };

  it('is flagged for reviewers when it weakens rules', async () => {
    repo.write('.vmt-oversight.yaml', 'rules:\n  team-consent: warning\n  removal: "off"\n');
    const { status, report } = await check();
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: 'configuration',
        severity: 'warning',
        file: '.vmt-oversight.yaml',
        evidence: expect.objectContaining({ weakened: ['removal (error → off)'], paths: [] }),
      }),
    );
    expect(status).toBe(0);
  });

  it('blocks when it leaves the file invalid', async () => {
    repo.write('.vmt-oversight.yaml', 'rules:\n  list-schema: "off"\n');
    const { status, report } = await check();
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: 'configuration',
        severity: 'error',
        file: '.vmt-oversight.yaml',
      }),
    );
    expect(status).toBe(1);
  });

  it('says nothing when the file is untouched', async () => {
    const { report } = await check();
    expect(report.findings.filter((f) => f.file === '.vmt-oversight.yaml')).toEqual([]);
  });
});
