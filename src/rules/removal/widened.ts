/**
 * A base entry of a list changed to mean every official repository (the 2025 page): it stays
 * overseen when governance lists it as official on the date; otherwise it is a removal like any.
 */
import type { GovernanceFacts } from '../../evidence/types';
import { citeData } from '../../openstack/cite';
import type { RuleOut } from '../define';
import type { RepositoryChange } from '../types';

export const WIDENED_MESSAGES = {
  stillOverseen:
    'Not removed: the list now means every repository of every official team (TC resolution ' +
    '20250317), and governance lists {{repository}} in deliverable {{deliverable}} of team ' +
    '{{team}}, so it stays overseen.',
} as const;

type WidenedMessage = keyof typeof WIDENED_MESSAGES;

type WidenedOut = RuleOut<WidenedMessage>;

/** True when the widening settles the removal (still overseen, or governance cannot tell). */
export function judgeWidened(
  change: RepositoryChange,
  governance: GovernanceFacts | undefined,
  governanceMissing: string | undefined,
  out: WidenedOut,
): boolean {
  if (!change.widened) return false;
  if (!governance) {
    out.unavailable(
      'governance',
      `the list now means every official repository, so whether ${change.repository} stays ` +
        `overseen depends on governance, which is unavailable: ${governanceMissing ?? 'not read'}`,
    );
    return true;
  }
  const owner = governance.owner;
  if (!owner || governance.retired) return false;
  out.report({
    messageId: 'stillOverseen',
    data: { repository: change.repository, deliverable: owner.name, team: owner.team.name },
    severity: 'info',
    cite: { deliverable: owner.name, team: owner.team.name },
    citations: [citeData(owner.ref, `deliverable ${owner.name} (team ${owner.team.name})`)],
  });
  return true;
}
