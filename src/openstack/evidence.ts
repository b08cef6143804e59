/** Turns typed evidence into the JSON a finding carries, so a reviewer can check it by hand. */
import type { DataRef, GitTag } from '../evidence/types';
import type { Person } from '../list/model';
import type { EvidenceRecord } from '../findings/finding';
import type { SeriesStatusAsOf } from './series';
import { stableBranchId } from './series';

/** `{source, file, line?, commit?}` without undefined members. */
export function refValue(ref: DataRef): EvidenceRecord {
  const value: EvidenceRecord = { source: ref.source, file: ref.file };
  if (ref.line !== undefined) value.line = ref.line;
  if (ref.commit !== undefined) value.commit = ref.commit;
  return value;
}

/** `file:line` for messages. */
export function refText(ref: DataRef): string {
  return ref.line === undefined ? ref.file : `${ref.file}:${ref.line}`;
}

export function tagValue(tag: GitTag): EvidenceRecord {
  return { tag: tag.name, date: tag.date, commit: tag.commit };
}

export function personValue(person: Person): EvidenceRecord {
  const value: EvidenceRecord = {};
  if (person.name !== undefined) value.name = person.name;
  if (person.email !== undefined) value.email = person.email;
  if (person.irc !== undefined) value.irc = person.irc;
  return value;
}

export function personText(person: Person): string {
  const name = person.name ?? person.email ?? person.irc ?? 'unnamed';
  return person.email && person.name ? `${name} <${person.email}>` : name;
}

/** A series with its dates and its status on the date, saying when the next phase applied. */
export function seriesValue(state: SeriesStatusAsOf): EvidenceRecord {
  const { series } = state;
  const value: EvidenceRecord = {
    name: series.name,
    branchId: stableBranchId(series),
    status: state.status,
    recordedStatus: state.recorded,
    initialRelease: series.initialRelease,
    nextPhase: series.nextPhase
      ? { status: series.nextPhase.status, date: series.nextPhase.date }
      : null,
    eolDate: series.eolDate,
    ref: refValue(series.ref),
  };
  if (state.movedOn !== null) {
    value.note = `next phase '${series.nextPhase?.status ?? ''}' dated ${state.movedOn} has passed`;
  }
  return value;
}

/** Some of a list, for messages: `a, b, c and 4 more`. */
export function sample(items: readonly string[], limit = 5): string {
  if (items.length <= limit) return items.join(', ');
  return `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`;
}
