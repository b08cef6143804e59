import type { Node } from 'yaml';
import type { DeliverableBranch, DeliverableFile, DeliverableRelease } from '../../evidence/types';
import { entries, get, items, kindOf, text, texts } from '../yaml/access';
import { YamlShapeError, type YamlDocument } from '../yaml/document';

type WithRef<T extends { ref: unknown }, R> = Omit<T, 'ref'> & { ref: R };

/**
 * A deliverable file's facts with `R` where a fact says where it was read: a DataRef as the
 * evidence carries it, or a line number where a worker thread read the file (see parse-text.ts).
 */
export interface DeliverableFileAt<R> extends Omit<
  DeliverableFile,
  'releases' | 'branches' | 'ref'
> {
  releases: WithRef<DeliverableRelease, R>[];
  branches: WithRef<DeliverableBranch, R>[];
  ref: R;
}

/** Where in the file a fact was read; `line` absent for the file as a whole. */
export type RefAt<R> = (file: string, line?: number) => R;

/**
 * The parts of a deliverable file that concern `repo`, or null when the file does not mention
 * it (in a release's projects or in repository-settings).
 */
export function readDeliverableFile<R>(
  doc: YamlDocument,
  series: string,
  repo: string,
  data: { ref: RefAt<R> },
): DeliverableFileAt<R> | null {
  if (kindOf(doc, doc.root) !== 'mapping') {
    throw new YamlShapeError(doc.file, 1, 'is not a mapping, a layout this reader does not know');
  }
  const field = (key: string): string | null => text(doc, get(doc, doc.root, key, doc.file), key);
  const releases = readReleases(doc, repo, data);
  const settings = entries(
    doc,
    get(doc, doc.root, 'repository-settings', doc.file),
    'repository-settings',
  );
  const own = settings.find((setting) => setting.key === repo);
  if (releases.length === 0 && !own) return null;
  return {
    series,
    team: field('team'),
    type: field('type'),
    releaseModel: field('release-model'),
    releaseType: field('release-type'),
    launchpad: field('launchpad'),
    storyboard: field('storyboard'),
    releases,
    branches: readBranches(doc, data),
    retired: own ? hasRetiredFlag(doc, own.value) : false,
    ref: data.ref(doc.file),
  };
}

function readReleases<R>(
  doc: YamlDocument,
  repo: string,
  data: { ref: RefAt<R> },
): WithRef<DeliverableRelease, R>[] {
  return items(doc, get(doc, doc.root, 'releases', doc.file), 'releases').flatMap((node) => {
    const version = text(doc, get(doc, node, 'version', 'release'), 'release version');
    if (version === null)
      throw new YamlShapeError(doc.file, doc.line(node), 'has a release without a version');
    const projects = items(doc, get(doc, node, 'projects', version), `release ${version} projects`);
    const project = projects.find((p) => text(doc, get(doc, p, 'repo', version), 'repo') === repo);
    if (project === undefined) return [];
    const commit = text(doc, get(doc, project, 'hash', version), `release ${version} hash`);
    return [{ version, commit, ref: data.ref(doc.file, doc.line(node)) }];
  });
}

function readBranches<R>(
  doc: YamlDocument,
  data: { ref: RefAt<R> },
): WithRef<DeliverableBranch, R>[] {
  return items(doc, get(doc, doc.root, 'branches', doc.file), 'branches').flatMap((node) => {
    const name = text(doc, get(doc, node, 'name', 'branch'), 'branch name');
    if (name === null) return [];
    const location = get(doc, node, 'location', name);
    return [
      {
        name,
        location:
          kindOf(doc, location) === 'scalar' ? text(doc, location, `${name} location`) : null,
        ref: data.ref(doc.file, doc.line(node)),
      },
    ];
  });
}

/** `flags: [retired]`; one real file writes the string `-retired`, meant as a list item. */
function hasRetiredFlag(doc: YamlDocument, settings: Node | null): boolean {
  const flags = texts(doc, get(doc, settings, 'flags', 'repository-settings'), 'flags');
  return flags.some((flag) => flag.replace(/^-\s*/, '') === 'retired');
}
