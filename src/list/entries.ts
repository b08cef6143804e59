import type { Candidate } from './candidates';
import type { DuplicateEntry, ListEntry, ListProblem } from './model';
import { isSafeRepositoryName, REPOSITORY_NAME_HINT, unsafeNameReason } from './names';
import { quote, schemaProblem } from './problems';

export interface FinishedEntries {
  entries: ListEntry[];
  duplicates: DuplicateEntry[];
  problems: ListProblem[];
}

/**
 * Turns candidates into entries: unsafe names are refused (they never reach `entries`), and a
 * later entry for a repository already listed is kept apart as a duplicate. Judging the
 * duplicates and the order is list-consistency's.
 */
export function finishEntries(file: string, candidates: readonly Candidate[]): FinishedEntries {
  const problems: ListProblem[] = [];
  const firstLines = new Map<string, number>();
  const entries: ListEntry[] = [];
  const duplicates: DuplicateEntry[] = [];
  for (const candidate of candidates) {
    if (!isSafeRepositoryName(candidate.name)) {
      problems.push(unsafeName(candidate));
      continue;
    }
    const firstLine = firstLines.get(candidate.name);
    if (firstLine !== undefined) {
      duplicates.push(duplicateOf(candidate, firstLine));
      continue;
    }
    firstLines.set(candidate.name, candidate.position.line);
    entries.push(toEntry(file, candidate));
  }
  return { entries, duplicates, problems };
}

function duplicateOf(candidate: Candidate, firstLine: number): DuplicateEntry {
  const { name, position, governance } = candidate;
  return {
    name,
    line: position.line,
    ...(position.column !== undefined ? { column: position.column } : {}),
    firstLine,
    ...(governance ? { deliverable: governance.deliverable } : {}),
  };
}

function toEntry(file: string, candidate: Candidate): ListEntry {
  const { name, position, declared, fieldLines, link, linkAt, governance } = candidate;
  return {
    name,
    location: { file, ...position },
    declared,
    fieldLines,
    ...(link !== undefined ? { link } : {}),
    ...(linkAt ? { linkAt } : {}),
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
