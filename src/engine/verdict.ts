import type { Finding } from '../findings/finding';
import type { Verdict, Vote } from '../findings/report';

/**
 * A definite error fails the change; otherwise missing evidence a blocking rule needed makes it
 * inconclusive (never a +1); otherwise it passes.
 */
export function verdictOf(findings: readonly Finding[]): { verdict: Verdict; vote: Vote } {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.some((f) => f.rule !== 'evidence-unavailable')) return { verdict: 'fail', vote: -1 };
  if (errors.length > 0) return { verdict: 'inconclusive', vote: 0 };
  return { verdict: 'pass', vote: 1 };
}
