/**
 * Conditions of the whole run rather than of one repository: the same evidence missing for the
 * same reason everywhere (no Gerrit change before `git review`). Said once, not per repository.
 */
import type { Finding } from '../findings/finding';
import { plural } from './brief';

export interface RunWideCondition {
  rule: string;
  reason: string;
  repositories: string[];
  severity: Finding['severity'];
}

/** Non-blocking evidence-unavailable findings that share a rule and a reason. */
export function runWideConditions(findings: readonly Finding[]): {
  conditions: RunWideCondition[];
  rest: Finding[];
} {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = runWideKey(finding);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const grouped = new Set<Finding>();
  const conditions: RunWideCondition[] = [];
  for (const group of groups.values()) {
    const [first] = group;
    if (first === undefined || (group.length < 2 && !isNoChange(first))) continue;
    group.forEach((f) => grouped.add(f));
    conditions.push({
      rule: String(first.evidence.rule),
      reason: String(first.evidence.reason),
      repositories: group.map((f) => f.repository ?? '').filter((r) => r !== ''),
      severity: first.severity,
    });
  }
  return { conditions, rest: findings.filter((f) => !grouped.has(f)) };
}

function runWideKey(finding: Finding): string | null {
  if (finding.rule !== 'evidence-unavailable' || finding.severity === 'error') return null;
  const { rule, reason } = finding.evidence;
  if (typeof rule !== 'string' || typeof reason !== 'string') return null;
  return `${rule}\u0000${reason}`;
}

/** Before `git review` there is no change to read: nothing the user can pass would help. */
function isNoChange(finding: Finding): boolean {
  return (
    finding.evidence.source === 'gerrit' && /^no --gerrit/.test(String(finding.evidence.reason))
  );
}

export function conditionText(condition: RunWideCondition): string {
  const where = plural(condition.repositories.length, 'repository').replace(/ys$/, 'ies');
  if (/^no --gerrit/.test(condition.reason)) {
    return (
      `${condition.rule} is not checked here (${where}): there is no Gerrit change yet. ` +
      'It is checked on the change once uploaded with `git review`.'
    );
  }
  return `${condition.rule} could not be checked for ${where}: ${condition.reason}.`;
}
