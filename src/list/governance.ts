import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Candidate, ReadResult } from './candidates';
import type { ListProblem } from './model';
import { quote, schemaProblem } from './problems';
import type { LoadedYaml } from './yaml-load';
import { deref, mapValue, nodePosition, scalarText } from './yaml-nodes';

const MANAGED_TAG = 'vulnerability:managed';

/**
 * Reads a governance `projects.yaml`: every repository of a deliverable tagged
 * `vulnerability:managed` is on the list, located at the tag's line. Before 2015-07-28 teams had
 * no deliverables but `projects: [{repo, tags: [{name}]}]`: a tagged project's repository is on
 * the list, under a deliverable of the repository's own name.
 */
export function readGovernance(yaml: LoadedYaml): ReadResult {
  const root = deref(yaml.doc, yaml.doc.contents);
  if (!isMap(root)) {
    return {
      candidates: [],
      problems: [
        schemaProblem(
          'governance:not-a-mapping',
          'A governance projects.yaml must be a mapping of teams, each with `deliverables:`.',
          { position: nodePosition(root, yaml.lines) },
        ),
      ],
    };
  }
  const result: ReadResult = { candidates: [], problems: [] };
  for (const pair of root.items) {
    const team = scalarText(pair.key);
    if (team === null) continue;
    const teamNode = deref(yaml.doc, pair.value);
    const deliverables = mapValue(yaml.doc, teamNode, 'deliverables');
    const projects = mapValue(yaml.doc, teamNode, 'projects');
    if (!deliverables && isSeq(projects)) {
      for (const item of projects.items) readProject(yaml, deref(yaml.doc, item), team, result);
      continue;
    }
    if (!isMap(deliverables)) continue;
    for (const item of deliverables.items) {
      const deliverable = scalarText(item.key);
      if (deliverable === null) continue;
      readDeliverable(yaml, deref(yaml.doc, item.value), { team, deliverable }, result);
    }
  }
  return result;
}

function readDeliverable(
  yaml: LoadedYaml,
  node: Node | null,
  owner: { team: string; deliverable: string },
  result: ReadResult,
): void {
  const tag = managedTag(yaml, node);
  if (!tag) return;
  const position = nodePosition(tag, yaml.lines) ?? { line: 1 };
  const repos = mapValue(yaml.doc, node, 'repos');
  if (!isSeq(repos)) {
    result.problems.push(reposProblem(owner, position));
    return;
  }
  for (const item of repos.items) {
    const name = deref(yaml.doc, item);
    if (isScalar(name) && typeof name.value === 'string') {
      result.candidates.push(candidate(name.value, position, owner));
    } else {
      result.problems.push(reposProblem(owner, nodePosition(name, yaml.lines) ?? position));
    }
  }
}

/** A project of the layout before 2015-07-28: `{repo: openstack/nova, tags: [{name: ...}]}`. */
function readProject(yaml: LoadedYaml, node: Node | null, team: string, result: ReadResult): void {
  const tag = managedTag(yaml, node);
  if (!tag) return;
  const position = nodePosition(tag, yaml.lines) ?? { line: 1 };
  const repo = mapValue(yaml.doc, node, 'repo');
  const name = isScalar(repo) && typeof repo.value === 'string' ? repo.value : null;
  if (name === null) {
    result.problems.push(projectRepoProblem(team, position));
    return;
  }
  const deliverable = name.slice(name.lastIndexOf('/') + 1);
  result.candidates.push(candidate(name, position, { team, deliverable }));
}

/** The tag as a plain name (deliverables) or as `{name: ...}` (projects before 2015-07-28). */
function managedTag(yaml: LoadedYaml, deliverable: Node | null): Node | null {
  const tags = mapValue(yaml.doc, deliverable, 'tags');
  if (!isSeq(tags)) return null;
  for (const item of tags.items) {
    const tag = deref(yaml.doc, item);
    if (scalarText(tag) === MANAGED_TAG) return tag;
    const named = mapValue(yaml.doc, tag, 'name');
    if (scalarText(named) === MANAGED_TAG) return named;
  }
  return null;
}

function candidate(
  name: string,
  position: Candidate['position'],
  governance: { team: string; deliverable: string },
): Candidate {
  return { name, position, declared: {}, fieldLines: {}, governance: { ...governance } };
}

function reposProblem(
  owner: { team: string; deliverable: string },
  position: Candidate['position'],
): ListProblem {
  return schemaProblem(
    `governance:${owner.team}/${owner.deliverable}:repos`,
    `Deliverable ${quote(owner.deliverable)} of team ${quote(owner.team)} carries ` +
      `${MANAGED_TAG} but its \`repos\` is not a list of repository names. ` +
      'List them as `- <namespace>/<name>` under `repos:`.',
    { position },
  );
}

function projectRepoProblem(team: string, position: Candidate['position']): ListProblem {
  return schemaProblem(
    `governance:${team}/projects:repo`,
    `A project of team ${quote(team)} carries ${MANAGED_TAG} but has no \`repo:\` naming its ` +
      'repository. Write it as `- repo: <namespace>/<name>`.',
    { position },
  );
}
