import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Finding, RuleId, Severity } from '../../src/findings/finding';
import type { Report } from '../../src/findings/report';
import { parseValidReport } from '../helpers/report-schema';
import { runCli } from '../helpers/run-cli';
import { SHARED_DATA } from '../helpers/snapshot-repo';
import { createTempRepo, type TempRepo } from '../helpers/temp-git';

/** The real OpenStack data repositories of `../shared/data`. */
export const OPENSTACK = {
  governance: join(SHARED_DATA, 'openstack', 'governance'),
  releases: join(SHARED_DATA, 'openstack', 'releases'),
  projectConfig: join(SHARED_DATA, 'openstack', 'project-config'),
};

/** A file of `../shared/data`, read at test time (never copied into the project). */
export function sharedText(path: string): string {
  return readFileSync(join(SHARED_DATA, path), 'utf8');
}

/** The 1-based number of the only line of `text` equal to `line`. */
export function lineOf(text: string, line: string): number {
  const lines = text.split('\n');
  const index = lines.indexOf(line);
  if (index < 0 || lines.indexOf(line, index + 1) >= 0) {
    throw new Error(`expected exactly one line ${JSON.stringify(line)}`);
  }
  return index + 1;
}

/** `text` without its only line equal to `line`. */
export function withoutLine(text: string, line: string): string {
  lineOf(text, line);
  return text
    .split('\n')
    .filter((l) => l !== line)
    .join('\n');
}

/** `text` with `added` lines inserted after its only line equal to `line`. */
export function insertAfter(text: string, line: string, added: string[]): string {
  const lines = text.split('\n');
  lines.splice(lineOf(text, line), 0, ...added);
  return lines.join('\n');
}

/**
 * The line of the `vulnerability:managed` tag that puts `repository` on a governance-format list:
 * the first such tag after the repository's line, within its deliverable.
 */
export function tagLine(text: string, repository: string): number {
  const lines = text.split('\n');
  const start = lineOf(text, `        - ${repository}`);
  for (let i = start; i < lines.length && !/^ {0,4}\S/.test(lines[i] ?? ''); i++) {
    if (lines[i] === '        - vulnerability:managed') return i + 1;
  }
  throw new Error(`${repository} has no vulnerability:managed tag`);
}

/** The rst bullet of the VMT's published page for `repository`. */
export function rstBullet(repository: string): string {
  return `* \`${repository} <https://opendev.org/${repository}>\`_`;
}

export interface SeriesFacts {
  name: string;
  releaseId: string | null;
  status: string;
  nextPhase: { status: string; date: string | null } | null;
  eolDate: string | null;
}

/** A series as `releases/data/series_status.yaml` records it (every value read as text). */
export function series(name: string): SeriesFacts {
  const all = parse(sharedText('openstack/releases/data/series_status.yaml'), {
    schema: 'failsafe',
  }) as Record<string, unknown>[];
  const found = all.find((s) => s.name === name);
  if (!found) throw new Error(`no series ${name} in series_status.yaml`);
  const next = found['next-phase'] as { status: string; date?: string } | undefined;
  return {
    name,
    releaseId: (found['release-id'] as string | undefined) ?? null,
    status: found.status as string,
    nextPhase: next ? { status: next.status, date: next.date ?? null } : null,
    eolDate: (found['eol-date'] as string | undefined) ?? null,
  };
}

/** The stable branch of a series: `stable/<release-id>` from 2023.1 on, else `stable/<name>`. */
export function stableBranch(s: SeriesFacts): string {
  return `stable/${s.releaseId ?? s.name}`;
}

/**
 * A list repository (a real temp git repository) holding `path` with `base` committed, then
 * `head` committed on top, or left as an uncommitted work-tree edit.
 */
export function proposal(
  path: string,
  base: string,
  head: string,
  options: { uncommitted?: boolean } = {},
): TempRepo {
  const repo = createTempRepo({ prefix: 'vmt-real-list-' });
  repo.write(path, base);
  repo.commit('Oversight list as merged', '2026-01-05T09:00:00Z');
  repo.write(path, head);
  if (!options.uncommitted) repo.commit('Proposed change to the list', '2026-01-06T09:00:00Z');
  return repo;
}

export interface EvidenceDirs {
  governance?: string;
  releases?: string;
  projectConfig?: string;
  reposRoot?: string;
}

export interface CheckResult {
  status: number;
  stderr: string;
  report: Report;
}

/** Runs `vmt-oversight check --format json` in-process on `repo` and validates the report. */
export async function check(
  repo: TempRepo,
  options: { evidence: EvidenceDirs; asOf?: string; today?: string; uncommitted?: boolean },
): Promise<CheckResult> {
  const { evidence } = options;
  const args = [
    'check',
    '--repo',
    repo.dir,
    ...(options.uncommitted ? ['--base', 'HEAD'] : []),
    ...(evidence.governance ? ['--governance', evidence.governance] : []),
    ...(evidence.releases ? ['--releases', evidence.releases] : []),
    ...(evidence.projectConfig ? ['--project-config', evidence.projectConfig] : []),
    ...(evidence.reposRoot ? ['--repos-root', evidence.reposRoot] : []),
    ...(options.asOf ? ['--as-of', options.asOf] : []),
    '--format',
    'json',
  ];
  const result = await runCli(args, options.today ? { today: options.today } : {});
  if (result.stdout === '') {
    throw new Error(`check gave no report (exit ${result.status}): ${result.stderr}`);
  }
  return { status: result.status, stderr: result.stderr, report: parseValidReport(result.stdout) };
}

/** The findings of `rule` (about `repository`, when given), in report order. */
export function findings(report: Report, rule: RuleId, repository?: string): Finding[] {
  return report.findings.filter(
    (f) => f.rule === rule && (repository === undefined || f.repository === repository),
  );
}

/** The findings of a given severity, as `rule repository` strings, for readable expectations. */
export function bySeverity(report: Report, severity: Severity): string[] {
  return report.findings
    .filter((f) => f.severity === severity)
    .map((f) => `${f.rule} ${f.repository ?? '-'}`);
}

/** The only finding of `rule` for `repository` with `severity`. */
export function only(
  report: Report,
  rule: RuleId,
  repository: string,
  severity: Severity,
): Finding {
  const matching = findings(report, rule, repository).filter((f) => f.severity === severity);
  if (matching.length !== 1) {
    throw new Error(
      `expected one ${severity} of ${rule} for ${repository}, got ${matching.length}: ` +
        JSON.stringify(report.findings.map((f) => [f.rule, f.severity, f.repository, f.message])),
    );
  }
  return matching[0] as Finding;
}
