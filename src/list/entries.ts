import type { Candidate } from './candidates';
import type { ListEntry, ListFormat, ListProblem } from './model';
import { isSafeRepositoryName, REPOSITORY_NAME_HINT, unsafeNameReason } from './names';
import { compareRepositoryNames } from './order';
import { consistencyProblem, quote, schemaProblem } from './problems';

export interface FinishedEntries {
  entries: ListEntry[];
  problems: ListProblem[];
}

/**
 * Turns candidates into entries: unsafe names are refused (they never reach `entries`), later
 * duplicates are dropped, and, except for governance files, the order is checked.
 */
export function finishEntries(
  file: string,
  format: ListFormat,
  candidates: readonly Candidate[],
): FinishedEntries {
  const problems: ListProblem[] = [];
  const firstLines = new Map<string, number>();
  const entries: ListEntry[] = [];
  for (const candidate of candidates) {
    if (!isSafeRepositoryName(candidate.name)) {
      problems.push(unsafeName(candidate));
      continue;
    }
    const firstLine = firstLines.get(candidate.name);
    if (firstLine !== undefined) {
      problems.push(duplicate(candidate, firstLine, format));
      continue;
    }
    firstLines.set(candidate.name, candidate.position.line);
    entries.push(toEntry(file, candidate));
  }
  const unsorted = format === 'governance' ? null : orderProblem(entries);
  return { entries, problems: unsorted ? [...problems, unsorted] : problems };
}

function toEntry(file: string, candidate: Candidate): ListEntry {
  const { name, position, declared, fieldLines, link, governance } = candidate;
  return {
    name,
    location: { file, ...position },
    declared,
    fieldLines,
    ...(link !== undefined ? { link } : {}),
    ...(governance ? { governance } : {}),
  };
}

function unsafeName(candidate: Candidate): ListProblem {
  const { name, position } = candidate;
  return schemaProblem(
    `unsafe-name:${quote(name, 200)}`,
    `${quote(name)} is not a safe repository name: ${unsafeNameReason(name)}. ${REPOSITORY_NAME_HINT}`,
    { position },
  );
}

function duplicate(candidate: Candidate, firstLine: number, format: ListFormat): ListProblem {
  const { name, position, governance } = candidate;
  const where = governance ? ` (again in deliverable ${quote(governance.deliverable)})` : '';
  const fix =
    format === 'governance'
      ? 'A repository belongs to one deliverable: remove it from the other.'
      : 'Remove this entry.';
  return consistencyProblem(
    'error',
    `duplicate:${name}`,
    `${name} is listed twice${where}; the first is on line ${firstLine}. ${fix}`,
    { position, repository: name },
  );
}

function orderProblem(entries: readonly ListEntry[]): ListProblem | null {
  for (let i = 1; i < entries.length; i += 1) {
    const previous = entries[i - 1];
    const entry = entries[i];
    if (!previous || !entry || compareRepositoryNames(previous.name, entry.name) <= 0) continue;
    const before = entries.find((other) => compareRepositoryNames(entry.name, other.name) < 0);
    return consistencyProblem(
      'warning',
      `unsorted:${entry.name}`,
      `${entry.name} is out of order: move it before ${before?.name ?? previous.name}. ` +
        'Keep the list sorted by name (case and punctuation aside).',
      { position: entry.location, repository: entry.name },
    );
  }
  return null;
}
