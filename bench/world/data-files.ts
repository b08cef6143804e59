import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BenchRepository } from './repository';
import { SERIES, stableBranch } from './series';

/** A built repository with the commit id of every fast-import mark it used. */
export interface BuiltRepository extends BenchRepository {
  shas: Map<number, string>;
}

const TEAM_SIZE = 10;
/** Deliverable files are written for the newest series only, as the real data has them. */
const DELIVERABLE_SERIES = 8;

export function teamOf(index: number): string {
  return `Bench Team ${Math.floor(index / TEAM_SIZE)}`;
}

function write(root: string, path: string, text: string): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}

/** governance `reference/projects.yaml` (teams of ten) and a `legacy.yaml`. */
export function writeGovernance(root: string, repositories: readonly BenchRepository[]): void {
  const lines: string[] = [];
  repositories.forEach((repository, index) => {
    if (index % TEAM_SIZE === 0) {
      const team = Math.floor(index / TEAM_SIZE);
      lines.push(`${teamOf(index)}:`, '  ptl:', `    name: PTL ${team}`, `    irc: ptl${team}`);
      lines.push(`    email: ptl${team}@example.org`, '  leadership_type: ptl');
      lines.push(
        `  mission: >`,
        `    Synthetic team ${team}.`,
        `  url: https://example.org/${team}`,
      );
      lines.push('  liaisons:', '    security:', `      - name: Liaison ${team}`);
      lines.push(`        email: liaison${team}@example.org`, '  deliverables:');
    }
    const short = repository.name.split('/')[1]!;
    lines.push(`    ${short}:`, '      repos:', `        - ${repository.name}`);
  });
  write(root, 'reference/projects.yaml', `${lines.join('\n')}\n`);
  write(
    root,
    'reference/legacy.yaml',
    [
      'Old Team:',
      '  deliverables:',
      '    old-thing:',
      '      repos:',
      '        - openstack/old-thing',
      '      retired-on: 2019-01-01',
      '',
    ].join('\n'),
  );
}

/** releases `data/series_status.yaml` and one deliverable file per repository and series. */
export function writeReleases(root: string, repositories: readonly BuiltRepository[]): void {
  const status = [...SERIES].reverse().map((series) => {
    const lines = [`- name: ${series.name}`, `  release-id: "${series.releaseId}"`];
    lines.push(`  status: ${series.status}`, `  initial-release: ${series.released}`);
    if (series.nextPhase) {
      lines.push(
        '  next-phase:',
        `    status: ${series.nextPhase.status}`,
        `    date: ${series.nextPhase.date}`,
      );
    }
    return lines.join('\n');
  });
  write(root, 'data/series_status.yaml', `---\n${status.join('\n')}\n`);
  repositories.forEach((repository, index) => {
    const short = repository.name.split('/')[1]!;
    const first = Math.max(repository.firstSeries, SERIES.length - DELIVERABLE_SERIES);
    for (const series of SERIES.slice(first)) {
      const lines = [
        `launchpad: ${short}`,
        'release-model: cycle-with-rc',
        `team: ${teamOf(index)}`,
      ];
      lines.push('type: library', 'repository-settings:', `  ${repository.name}: {}`, 'releases:');
      const tags = repository.tags.filter((tag) => tag.series === series);
      for (const tag of tags) {
        lines.push(`  - version: ${tag.name}`, '    projects:', `      - repo: ${repository.name}`);
        lines.push(`        hash: ${repository.shas.get(tag.mark) ?? '0'.repeat(40)}`);
      }
      const rc = tags.find((tag) => tag.name.includes('rc'));
      if (rc)
        lines.push('branches:', `  - name: ${stableBranch(series)}`, `    location: ${rc.name}`);
      if (tags.length > 0)
        write(root, `deliverables/${series.name}/${short}.yaml`, `---\n${lines.join('\n')}\n`);
    }
  });
}

/** project-config `zuul.d/projects.yaml` and `gerrit/projects.yaml`. */
export function writeProjectConfig(root: string, repositories: readonly BenchRepository[]): void {
  const zuul = repositories.map((repository) =>
    [
      '- project:',
      `    name: ${repository.name}`,
      '    templates:',
      '      - official-openstack-repo-jobs',
      '      - publish-to-pypi',
    ].join('\n'),
  );
  write(root, 'zuul.d/projects.yaml', `---\n${zuul.join('\n')}\n`);
  const gerrit = repositories.map((repository) =>
    [
      `- project: ${repository.name}`,
      `  description: ${repository.name}`,
      '  acl-config: /home/gerrit2/acls/openstack/bench.config',
    ].join('\n'),
  );
  write(root, 'gerrit/projects.yaml', `${gerrit.join('\n')}\n`);
}

/** The list at base (every repository but every tenth) and at head (all of them). */
export function listTexts(repositories: readonly BenchRepository[]): {
  base: string;
  head: string;
  added: number;
} {
  const entry = (repository: BenchRepository, index: number): string => {
    const short = repository.name.split('/')[1]!;
    return [
      `  - name: ${repository.name}`,
      `    team: ${teamOf(index)}`,
      '    tracker:',
      `      launchpad: ${short}`,
      `      security-group: ${short}-coresec`,
      '    embargo-days: 90',
    ].join('\n');
  };
  const all = repositories.map(entry);
  const base = all.filter((_, index) => index % 10 !== 0);
  return {
    base: `repositories:\n${base.join('\n')}\n`,
    head: `repositories:\n${all.join('\n')}\n`,
    added: all.length - base.length,
  };
}
