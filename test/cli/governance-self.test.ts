import { createTempRepo, type TempRepo } from '../helpers/temp-git';
import { parseValidReport } from '../helpers/report-schema';
import { runCli } from '../helpers/run-cli';

const team = (deliverables: string) => `Alpha:
  ptl:
    name: Ada Alpha
    email: ada@example.org
  leadership_type: ptl
  mission: Alpha things.
  url: https://example.org/alpha
  deliverables:
${deliverables}`;

const TAGGED_A = `    alpha:
      repos:
        - openstack/alpha
      tags:
        - vulnerability:managed
`;
const TAGGED_B = `    beta:
      repos:
        - openstack/beta
      tags:
        - vulnerability:managed
`;

describe('a governance-format list checked in openstack/governance itself', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = createTempRepo();
    repo.write('reference/projects.yaml', team(TAGGED_A));
    repo.commit('Alpha team', '2026-01-01T00:00:00Z');
  });
  afterEach(() => repo.cleanup());

  const check = () =>
    runCli([
      'check',
      '--repo',
      repo.dir,
      '--list',
      'reference/projects.yaml',
      '--governance',
      repo.dir,
      '--format',
      'json',
    ]);

  it('reads governance at the base revision: a deliverable created and tagged in one change is not official at base, by design', async () => {
    repo.write('reference/projects.yaml', team(TAGGED_A + TAGGED_B));
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.commit('Add beta, already tagged', '2026-01-02T00:00:00Z');
    const result = await check();
    const report = parseValidReport(result.stdout);
    expect(report.list.format).toBe('governance');
    expect(report.changes.added).toEqual(['openstack/beta']);
    const official = report.findings.filter((f) => f.rule === 'official-project');
    // A warning: team Alpha is official at base, so the blocker a reviewer reads is another rule's.
    expect(official).toEqual([
      expect.objectContaining({
        severity: 'warning',
        repository: 'openstack/beta',
        message: expect.stringContaining(
          'Not official at base: the deliverable beta of team Alpha is created by this change ' +
            `(governance is read at the base revision, reference/projects.yaml at commit ` +
            `${base.slice(0, 10)}, so that`,
        ) as unknown,
      }),
    ]);
    expect(official[0]?.message).toContain('clause 2 is met once it merges');
  });

  it('keeps an error when the change creates the team too', async () => {
    repo.write(
      'reference/projects.yaml',
      `${team(TAGGED_A)}Gamma:\n  ptl: {name: G, email: g@example.org}\n  deliverables:\n` +
        '    gamma:\n      repos: [openstack/gamma]\n      tags: [vulnerability:managed]\n',
    );
    repo.commit('Add team Gamma, already tagged', '2026-01-02T00:00:00Z');
    const result = await check();
    const report = parseValidReport(result.stdout);
    expect(report.findings.filter((f) => f.rule === 'official-project')).toEqual([
      expect.objectContaining({
        severity: 'error',
        repository: 'openstack/gamma',
        message: expect.stringContaining(
          'Not official at base: team Gamma is not an official team at the base revision',
        ) as unknown,
      }),
    ]);
    expect(result.status).toBe(1);
  });
});
