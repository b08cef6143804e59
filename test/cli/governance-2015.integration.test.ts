import { createTempRepo, type TempRepo } from '../helpers/temp-git';
import { PROJECTS_2015_07, PROJECTS_2015_08 } from '../helpers/governance-2015';
import { parseValidReport } from '../helpers/report-schema';
import { runCli } from '../helpers/run-cli';

/** PROJECTS_2015_07 before the tag was applied (as governance was before 2015-07-14). */
const UNTAGGED = PROJECTS_2015_07.split('\n')
  .filter((line) => !line.includes('vulnerability:managed'))
  .join('\n');

/**
 * Real 2015 history, replayed on a project-written governance repository: the change that added
 * and applied vulnerability:managed (2015-07-14, layout before deliverables) and the change that
 * introduced deliverables (2015-07-28), each checked as of its date against governance at base.
 */
describe('a governance list of July 2015 checked in governance itself', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = createTempRepo();
    repo.write('reference/projects.yaml', UNTAGGED);
    repo.commit('Teams and their projects', '2015-07-01T00:00:00Z');
  });
  afterEach(() => repo.cleanup());

  const check = (asOf: string) =>
    runCli([
      'check',
      ...['--repo', repo.dir, '--list', 'reference/projects.yaml', '--governance', repo.dir],
      ...['--as-of', asOf, '--format', 'json'],
    ]);

  it('reads the tag applied to team projects: the tagged repositories are added, each official', async () => {
    repo.write('reference/projects.yaml', PROJECTS_2015_07);
    repo.commit('Add and apply vulnerability:managed tag', '2015-07-14T00:00:00Z');
    const report = parseValidReport((await check('2015-07-14')).stdout);
    expect(report.list.format).toBe('governance');
    expect(report.changes).toEqual({
      added: ['openstack/nova', 'openstack/python-novaclient', 'openstack/sahara'],
      removed: [],
      modified: [],
    });
    expect(report.findings.filter((f) => f.rule === 'list-schema')).toEqual([]);
    const official = report.findings.filter((f) => f.rule === 'official-project');
    expect(official.map((f) => [f.repository, f.severity, f.message])).toEqual([
      [
        'openstack/nova',
        'info',
        'Official: deliverable nova of team Nova (reference/projects.yaml:11) lists the repository (policy clause 2).',
      ],
      [
        'openstack/python-novaclient',
        'info',
        expect.stringContaining('deliverable python-novaclient of team Nova') as unknown,
      ],
      ['openstack/sahara', 'info', expect.stringContaining('team Sahara') as unknown],
    ]);
  });

  it('reads the move to deliverables: only sahara-extra joins the list, official at base', async () => {
    repo.write('reference/projects.yaml', PROJECTS_2015_07);
    repo.commit('Add and apply vulnerability:managed tag', '2015-07-14T00:00:00Z');
    repo.write('reference/projects.yaml', PROJECTS_2015_08);
    repo.commit('Introduce the "deliverables" concept', '2015-07-28T00:00:00Z');
    const report = parseValidReport((await check('2015-07-28')).stdout);
    expect(report.changes.added).toEqual(['openstack/sahara-extra']);
    expect(report.changes.removed).toEqual([]);
    expect(report.changes.modified).toEqual([]);
    expect(report.findings.filter((f) => f.rule === 'official-project')).toEqual([
      expect.objectContaining({
        repository: 'openstack/sahara-extra',
        severity: 'info',
        message: expect.stringContaining('deliverable sahara-extra of team Sahara') as unknown,
      }),
    ]);
  });
});
