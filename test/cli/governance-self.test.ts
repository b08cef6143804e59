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

  it('reads governance at the base revision: a change cannot make a repository official and tag it', async () => {
    repo.write('reference/projects.yaml', team(TAGGED_A + TAGGED_B));
    repo.commit('Add beta, already tagged', '2026-01-02T00:00:00Z');
    const result = await runCli([
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
    const report = parseValidReport(result.stdout);
    expect(report.list.format).toBe('governance');
    expect(report.changes.added).toEqual(['openstack/beta']);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: 'official-project',
        severity: 'error',
        repository: 'openstack/beta',
      }),
    );
    expect(result.status).toBe(1);
  });
});
