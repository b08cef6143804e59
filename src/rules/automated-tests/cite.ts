/**
 * What automated-tests findings rest on: the Zuul template or job at its file and line, the
 * local entry point files, or the tree and project-config read and found without either.
 */
import type {
  DataRef,
  LocalTestEntryPoint,
  ProjectConfigFacts,
  RepositoryFacts,
} from '../../evidence/types';
import type { Citation } from '../../findings/finding';
import { citeData, citeRepositoryFile } from '../../openstack/cite';
import { sample } from '../../openstack/evidence';
import type { ZuulItem } from './zuul';

/** How many Zuul items or entry points one finding cites, at most. */
const MAX_CITED = 6;

/** A fact at `ref`: in the candidate (at the evaluated commit) or in project-config. */
function citeRef(repository: RepositoryFacts, ref: DataRef, text: string): Citation {
  if (ref.source !== 'repository') return citeData(ref, text);
  const { commit } = repository.evaluated;
  return citeRepositoryFile(repository.name, commit, text, ref.file, ref.line);
}

/** `template openstack-python3-jobs: tests in check, gate`, `job x in gate: non-voting`. */
function itemText(item: ZuulItem, branch: string): string {
  const where = item.pipeline === null ? '' : ` in ${item.pipeline}`;
  const verdict: Record<ZuulItem['verdict'], string> = {
    test: testText(item),
    'non-test': 'not a test',
    unknown: 'not known to the catalog',
    'not-on-branch': `not run on ${branch}`,
    'non-voting': 'non-voting',
    undefined: 'not defined in the layout',
  };
  return `${item.kind} ${item.name}${where}: ${verdict[item.verdict]}`;
}

function testText(item: ZuulItem): string {
  if (item.tests.length === 0) return 'no test in check or gate';
  return item.kind === 'job' ? 'a test' : `tests in ${item.tests.join(', ')}`;
}

/** Each item once (by kind, name, pipeline and place), at most MAX_CITED. */
export function citeItems(repository: RepositoryFacts, items: readonly ZuulItem[]): Citation[] {
  const seen = new Set<string>();
  const cited: Citation[] = [];
  for (const item of items) {
    const key = [item.kind, item.name, item.pipeline, item.ref.file, item.ref.line].join('|');
    if (seen.has(key) || cited.length >= MAX_CITED) continue;
    seen.add(key);
    const text = itemText(item, repository.evaluated.branch);
    cited.push(citeRef(repository, item.ref, text));
  }
  return cited;
}

/** The Zuul configuration read and found without a project stanza, in-repo and central. */
export function citeNoZuulProject(
  repository: RepositoryFacts,
  projectConfig: ProjectConfigFacts | undefined,
): Citation[] {
  const { commit, branch } = repository.evaluated;
  const zuul = repository.zuul;
  const inRepo = zuul
    ? citeRepositoryFile(
        repository.name,
        commit,
        `${zuul.location}: no project stanza`,
        zuul.files[0],
      )
    : citeRepositoryFile(
        repository.name,
        commit,
        `tree of ${branch}: no zuul.yaml, zuul.d/, .zuul.yaml or .zuul.d/`,
      );
  if (!projectConfig) return [inRepo];
  const ref: DataRef = {
    source: 'project-config',
    file: 'zuul.d/projects.yaml',
    ...(projectConfig.gerrit?.ref.commit ? { commit: projectConfig.gerrit.ref.commit } : {}),
  };
  return [inRepo, citeData(ref, `no project entry for ${repository.name}`)];
}

/** `tox.ini: envs py3, pep8`, at the evaluated commit. */
function entryCitationText(entry: LocalTestEntryPoint): string {
  const partly = entry.unreadable === undefined ? '' : ` (${entry.unreadable})`;
  if (entry.targets.length === 0) {
    return `${entry.file}: ${entry.unreadable === undefined ? 'no targets' : 'not read'}${partly}`;
  }
  const tox = entry.kind === 'tox';
  const names = tox ? entry.targets.map((t) => t.replace(/^testenv:/, '')) : entry.targets;
  return `${entry.file}: ${tox ? 'envs' : 'targets'} ${sample([...new Set(names)], 10)}${partly}`;
}

export function citeEntryPoints(
  repository: RepositoryFacts,
  entries: readonly LocalTestEntryPoint[],
): Citation[] {
  const { name, evaluated } = repository;
  return entries
    .slice(0, MAX_CITED)
    .map((entry) =>
      citeRepositoryFile(name, evaluated.commit, entryCitationText(entry), entry.file),
    );
}

/** The tree read and found without any file a local test run starts from. */
export function citeNoEntryPoint(repository: RepositoryFacts): Citation {
  const { commit, branch } = repository.evaluated;
  const text = `tree of ${branch}: no tox.ini, package.json, go.mod or Makefile`;
  return citeRepositoryFile(repository.name, commit, text);
}
