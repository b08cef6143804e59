/** The rule registry: every rule, listed explicitly. */
import { meta as evidenceUnavailable } from './evidence-unavailable';
import { rule as listConsistency } from './list-consistency';
import { rule as listSchema } from './list-schema';
import { rule as teamConsent } from './team-consent';
import type { AnyRepositoryRule, ListRule, RuleMeta } from './types';

export const listRules: readonly ListRule[] = [listConsistency, listSchema];

export const repositoryRules: readonly AnyRepositoryRule[] = [teamConsent];

/** Metadata of every rule, the engine's own `evidence-unavailable` included, sorted by id. */
export function allRuleMetas(): RuleMeta[] {
  return [...listRules, ...repositoryRules]
    .map((rule) => rule.meta)
    .concat(evidenceUnavailable)
    .sort((a, b) => a.id.localeCompare(b.id));
}
