import type { DeliverableFile, ReleasesFacts } from '../../evidence/types';
import type { EvidenceRecord } from '../../findings/finding';
import type { DeclaredField, TrackerDeclaration } from '../../list/model';
import { refText, refValue } from '../../openstack/evidence';
import { defineRule, type RepositoryRuleContext } from '../define';
import { declaredValue, onField } from '../evidence-values';
import { citeDeclaredTracker, citeNoTracker, citeReleasesTracker } from './cite';
import { judgeLaunchpad, launchpadMessages } from './launchpad';

const UNREADABLE =
  "Launchpad's sharing policy (private security bugs visible only to the VMT) cannot be read " +
  'from the data: a VMT member must check it by hand';
const NOT_FOUND = 'no tracker is declared or found in the releases data';
const RELEASES_UNAVAILABLE = '(releases data unavailable: {{reason}})';
const STATED = 'the proposer states it is private by default, but';

const messages = {
  undeclaredKnown:
    "Unverifiable: the releases data names Launchpad project '{{launchpad}}' ({{ref}}); " +
    `${UNREADABLE}.`,
  undeclaredNone: `Unverifiable: ${NOT_FOUND}; ${UNREADABLE}.`,
  undeclaredNoReleases: `Unverifiable: ${NOT_FOUND} ${RELEASES_UNAVAILABLE}; ${UNREADABLE}.`,
  notPrivate:
    'The entry declares private-by-default: false: privately reported suspected vulnerabilities ' +
    "must initially be visible only to the VMT. Configure the tracker's sharing policy so, then " +
    'declare private-by-default: true.',
  otherLaunchpad:
    "The entry declares Launchpad project '{{declared}}', but the releases data names " +
    "'{{known}}' ({{ref}}): declare the tracker the team really uses.",
  declaredUnverifiable: `Unverifiable: ${UNREADABLE}.`,
  declaredNoReleases: `Unverifiable: ${UNREADABLE} ${RELEASES_UNAVAILABLE}.`,
  statedPrivate: `Unverifiable: ${STATED} ${UNREADABLE}.`,
  statedPrivateNoReleases: `Unverifiable: ${STATED} ${UNREADABLE} ${RELEASES_UNAVAILABLE}.`,
  ...launchpadMessages,
} satisfies Record<string, string>;

type Context = RepositoryRuleContext<never, 'releases' | 'launchpad', keyof typeof messages>;

/** Reports what Launchpad answered; false when it could not answer (offline, an error). */
function reportLaunchpad(
  { evidence, report }: Context,
  at: { field?: DeclaredField; line?: number },
): boolean {
  const judgments = judgeLaunchpad(evidence.launchpad);
  if (!judgments) return false;
  for (const judgment of judgments) report({ ...judgment, ...at });
  return true;
}

/** The newest deliverable file that names a Launchpad project. */
function releasesTracker(releases: ReleasesFacts | undefined): DeliverableFile | null {
  const files = releases?.files ?? [];
  return [...files].reverse().find((f) => f.launchpad !== null) ?? null;
}

function trackerValue(file: DeliverableFile | null): EvidenceRecord | null {
  return file ? { launchpad: file.launchpad, ref: refValue(file.ref) } : null;
}

/** Nothing declared (any format): name the tracker the releases data knows, if any. */
function checkUndeclared(context: Context, known: DeliverableFile | null): void {
  const { change, evidence, missing, report } = context;
  if (known && reportLaunchpad(context, {})) return;
  const cite = {
    declared: null,
    releasesTracker: trackerValue(known),
    releasesUnavailable: missing.releases ?? null,
  };
  const citations = [
    citeNoTracker(change),
    ...citeReleasesTracker(change.repository, evidence.releases, known),
  ];
  if (known) {
    const data = { launchpad: known.launchpad ?? '', ref: refText(known.ref) };
    report({ messageId: 'undeclaredKnown', data, severity: 'warning', cite, citations });
  } else if (missing.releases) {
    const data = { reason: missing.releases };
    report({ messageId: 'undeclaredNoReleases', data, severity: 'warning', cite, citations });
  } else {
    report({ messageId: 'undeclaredNone', severity: 'warning', cite, citations });
  }
}

/** A declared Launchpad project other than the one the releases data names. */
function otherLaunchpad(
  declared: TrackerDeclaration,
  known: DeliverableFile | null,
): { declared: string; known: string; ref: string } | null {
  const launchpad = declared.launchpad;
  if (launchpad === undefined || !known?.launchpad) return null;
  if (launchpad.toLowerCase() === known.launchpad.toLowerCase()) return null;
  return { declared: launchpad, known: known.launchpad, ref: refText(known.ref) };
}

function checkDeclared(
  context: Context,
  declared: TrackerDeclaration,
  known: DeliverableFile | null,
): void {
  const { change, evidence, missing, report } = context;
  const at = onField(change, 'tracker');
  const cite = {
    ...declaredValue(change, 'tracker'),
    declared: { ...declared },
    releasesTracker: trackerValue(known),
  };
  const citations = [
    citeDeclaredTracker(change, declared),
    ...citeReleasesTracker(change.repository, evidence.releases, known),
  ];
  if (declared['private-by-default'] === false) {
    report({
      messageId: 'notPrivate',
      severity: 'error',
      ...at,
      cite,
      citations: citations.slice(0, 1),
    });
    return;
  }
  const other = otherLaunchpad(declared, known);
  if (other) {
    report({ messageId: 'otherLaunchpad', data: other, severity: 'error', ...at, cite, citations });
    return;
  }
  if ((declared.launchpad !== undefined || known) && reportLaunchpad(context, at)) {
    return;
  }
  const stated = declared['private-by-default'] === true;
  if (missing.releases) {
    report({
      messageId: stated ? 'statedPrivateNoReleases' : 'declaredNoReleases',
      data: { reason: missing.releases },
      severity: 'warning',
      ...at,
      cite,
      citations,
    });
    return;
  }
  report({
    messageId: stated ? 'statedPrivate' : 'declaredUnverifiable',
    severity: 'warning',
    ...at,
    cite,
    citations,
  });
}

export const rule = defineRule({
  scope: 'repository',
  meta: {
    id: 'private-tracker',
    clause: '4',
    title: 'The defect tracker keeps private security reports visible only to the VMT at first.',
    defaultSeverity: 'error',
    canBlock: true,
    fields: ['tracker'],
    needs: [],
    wants: ['releases', 'launchpad'],
    messages,
  },
  appliesTo: (change) => change.kind !== 'removed',
  check(context) {
    const declared = context.change.entry.declared.tracker;
    const known = releasesTracker(context.evidence.releases);
    if (declared) checkDeclared(context, declared, known);
    else checkUndeclared(context, known);
  },
});
