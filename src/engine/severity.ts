import type { Severity } from '../findings/finding';
import type { RuleMeta } from '../rules/types';
import type { SeverityOverrides } from './types';

/** The rule's effective metadata once `.vmt-oversight.yaml` overrides are applied. */
export interface EffectiveRule {
  enabled: boolean;
  canBlock: boolean;
  /** Maps a result's severity to the one reported. */
  severityOf(severity: Severity): Severity;
}

/**
 * An override replaces the rule's default severity: results reported at the default take the
 * override, so `team-consent: error` turns its warnings into errors. Notes (info) stay notes.
 */
export function effectiveRule(meta: RuleMeta, overrides: SeverityOverrides = {}): EffectiveRule {
  const override = overrides[meta.id];
  if (override === 'off') return { enabled: false, canBlock: false, severityOf: (s) => s };
  if (override === undefined) {
    return { enabled: true, canBlock: meta.canBlock, severityOf: (s) => s };
  }
  return {
    enabled: true,
    canBlock: override === 'error',
    severityOf: (s) => (s === meta.defaultSeverity ? override : s),
  };
}
