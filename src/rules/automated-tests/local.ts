/** Whether the repository can run its tests locally (the PTI: `tox -e py3`, or the language's own). */
import type { LocalTestEntryPoint } from '../../evidence/types';
import type { EvidenceRecord } from '../../findings/finding';
import { sample } from '../../openstack/evidence';
import { citeEntryPoints, citeNoEntryPoint } from './cite';
import type { Context } from './messages';

/** tox environments that do not run the code's tests. */
const NON_TEST_ENV =
  /^(pep8|fast8|linters?|lint|docs|pdf-docs|releasenotes|api-ref|api-guide|venv|bindep|bandit|codespell|mypy|pylint|genconfig|genpolicy)$/;

export function runsTests(entry: LocalTestEntryPoint): boolean {
  // A file not read says nothing; the benefit below is for a file read and found terse.
  if (entry.unreadable !== undefined && entry.targets.length === 0) return false;
  switch (entry.kind) {
    case 'tox':
      // A bare [testenv] is what `tox -e py3` (the PTI) runs; without one, some named
      // environment must be more than lint or docs. No information at all is given the benefit.
      if (entry.bareTestenv === true) return true;
      if (entry.bareTestenv === undefined && entry.targets.length === 0) return true;
      return entry.targets.some((t) => !NON_TEST_ENV.test(t.replace(/^testenv:/, '')));
    case 'npm':
      return entry.targets.includes('test');
    case 'make':
      return entry.targets.some((t) => t === 'test' || t === 'check');
    case 'go':
    case 'other':
      return true;
  }
}

export function entryText(entry: LocalTestEntryPoint): string {
  const targets = entry.targets.length > 0 ? ` (${sample(entry.targets, 10)})` : '';
  const partly = entry.unreadable === undefined ? '' : ` [${entry.unreadable}]`;
  return `${entry.file}${targets}${partly}`;
}

function entryValue(entry: LocalTestEntryPoint): EvidenceRecord {
  return {
    kind: entry.kind,
    file: entry.file,
    targets: [...entry.targets],
    ...(entry.unreadable === undefined ? {} : { unreadable: entry.unreadable }),
  };
}

/** Reports whether the repository's tests can run locally, or why that cannot be told. */
export function reportLocal({ evidence, report }: Pick<Context, 'evidence' | 'report'>): void {
  const { testEntryPoints: entries, evaluated } = evidence.repository;
  const cite: EvidenceRecord = { commit: evaluated.commit, entryPoints: entries.map(entryValue) };
  const runnable = entries.filter(runsTests);
  if (runnable.length > 0) {
    const data = { entryPoints: runnable.map(entryText).join('; ') };
    const citations = citeEntryPoints(evidence.repository, runnable);
    report({ messageId: 'runsLocally', data, severity: 'info', cite, citations });
    return;
  }
  const unread = entries.filter((e) => e.unreadable !== undefined);
  if (unread.length > 0) {
    const data = { unread: unread.map((e) => `${e.file} ${e.unreadable ?? ''}`).join('; ') };
    const citations = citeEntryPoints(evidence.repository, unread);
    report({ messageId: 'localUnreadable', data, severity: 'warning', cite, citations });
    return;
  }
  if (entries.length === 0) {
    const citations = [citeNoEntryPoint(evidence.repository)];
    report({ messageId: 'noLocalEntryPoint', severity: 'warning', cite, citations });
    return;
  }
  const data = { found: entries.map(entryText).join('; ') };
  const citations = citeEntryPoints(evidence.repository, entries);
  report({ messageId: 'noLocalTestTarget', data, severity: 'warning', cite, citations });
}
