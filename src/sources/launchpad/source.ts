import type { LaunchpadFacts, ReleasesFacts } from '../../evidence/types';
import type { EvidenceSource } from '../source';
import { LaunchpadClient } from './client';

/** The Launchpad project: the entry's `tracker.launchpad`, else the newest deliverable's key. */
function projectName(
  declared: string | undefined,
  releases: ReleasesFacts | null,
): LaunchpadFacts['projectName'] {
  if (declared !== undefined) return { name: declared.toLowerCase(), from: 'declared' };
  const file = [...(releases?.files ?? [])].reverse().find((f) => f.launchpad !== null);
  return file?.launchpad ? { name: file.launchpad.toLowerCase(), from: 'releases' } : null;
}

/**
 * Clauses 4 and 5 on Launchpad, anonymously: the tracker project (owner, bug sharing policy),
 * the security team (`tracker.security-group`, else `<project>-coresec`) and the VMT's grant.
 * Each fact is found, absent or unknown with its reason; nothing is judged here.
 */
export const launchpadSource: EvidenceSource<'launchpad'> = {
  id: 'launchpad',
  kind: 'launchpad',
  dependencies: ['releases'],
  scope: 'repository',
  subject: 'Launchpad evidence',
  async read(repository, run) {
    const declared = run.options.declaredTrackers?.get(repository);
    const releases =
      declared?.launchpad === undefined ? await run.evidence('releases', repository) : null;
    const project = projectName(
      declared?.launchpad,
      releases?.status === 'available' ? releases.value : null,
    );
    const group = declared?.['security-group'];
    const teamName: LaunchpadFacts['teamName'] =
      group !== undefined
        ? { name: group.toLowerCase(), from: 'declared' }
        : project
          ? { name: `${project.name}-coresec`, from: 'default' }
          : null;
    const client = new LaunchpadClient(run.options.network);
    const [projectLookup, team, vmtGrant] = await Promise.all([
      project ? client.project(project.name) : null,
      teamName ? client.team(teamName.name) : null,
      project ? client.vmtGrant(project.name) : null,
    ]);
    return { projectName: project, project: projectLookup, teamName, team, vmtGrant };
  },
};
