/** The rule registry: every rule, listed explicitly. */
import { compareText } from '../util/compare';
import { rule as automatedTests } from './automated-tests';
import { rule as embargo } from './embargo';
import { meta as evidenceUnavailable } from './evidence-unavailable';
import { rule as listConsistency } from './list-consistency';
import { rule as listSchema } from './list-schema';
import { rule as officialProject } from './official-project';
import { rule as privateTracker } from './private-tracker';
import { rule as removal } from './removal';
import { rule as securityContact } from './security-contact';
import { rule as securityLiaison } from './security-liaison';
import { rule as teamConsent } from './team-consent';
import { rule as threatAnalysis } from './threat-analysis';
import { rule as versionedReleases } from './versioned-releases';
import { rule as configuration } from './configuration';
import { engineListRule, engineRepositoryRule } from './define';
import type { AnyRepositoryRule, ListRule, RuleMeta } from './types';

export const listRules: readonly ListRule[] = [
  engineListRule(configuration),
  engineListRule(listConsistency),
  engineListRule(listSchema),
];

export const repositoryRules: readonly AnyRepositoryRule[] = [
  engineRepositoryRule(automatedTests),
  engineRepositoryRule(embargo),
  engineRepositoryRule(officialProject),
  engineRepositoryRule(privateTracker),
  engineRepositoryRule(removal),
  engineRepositoryRule(securityContact),
  engineRepositoryRule(securityLiaison),
  engineRepositoryRule(teamConsent),
  engineRepositoryRule(threatAnalysis),
  engineRepositoryRule(versionedReleases),
];

/** Metadata of every rule, the engine's own `evidence-unavailable` included, sorted by id. */
export function allRuleMetas(): RuleMeta[] {
  return [...listRules, ...repositoryRules]
    .map((rule) => rule.meta)
    .concat(evidenceUnavailable)
    .sort((a, b) => compareText(a.id, b.id));
}
