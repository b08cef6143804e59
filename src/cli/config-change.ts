import type { Finding } from '../report/finding';
import { allRuleMetas } from '../rules';
import { CONFIG_FILE, parseConfig, type FileConfig } from './config';
import { compareText } from '../util/compare';

const RANK = { off: 0, info: 1, warning: 2, error: 3 } as const;
type Level = keyof typeof RANK;
const PATH_KEYS = ['list', 'governance', 'releases', 'project-config', 'repos-root'] as const;
/** Where the Zuul job reads the change's approvals and fetches candidates from. */
const ZUUL_KEYS = ['gerrit', 'git-url'] as const;

function finding(severity: Finding['severity'], message: string, evidence: Finding['evidence']) {
  return {
    rule: 'list-schema' as const,
    clause: '—',
    severity,
    repository: null,
    message,
    file: CONFIG_FILE,
    line: null,
    evidence,
  };
}

/**
 * What a change does to `.vmt-oversight.yaml`. The configuration is read at the base revision,
 * so an edit never applies to the change that makes it; it is still reported, so reviewers see
 * a change that weakens the checker, and an invalid file (which would break every later check)
 * blocks.
 */
export function configChangeFindings(base: FileConfig | null, headText: string | null): Finding[] {
  if (headText === null) {
    return [
      finding('warning', `This change deletes ${CONFIG_FILE}: later checks use the defaults.`, {}),
    ];
  }
  let head: FileConfig;
  try {
    head = parseConfig(headText, `${CONFIG_FILE} as this change leaves it`);
  } catch (error) {
    const message = `${(error as Error).message}. Every later check would stop on it: fix it.`;
    return [finding('error', message, {})];
  }
  const weakened = weakenedRules(base?.rules ?? {}, head.rules ?? {});
  const paths = [
    ...PATH_KEYS.filter((key) => (base?.[key] ?? null) !== (head[key] ?? null)),
    ...ZUUL_KEYS.filter((key) => (base?.zuul?.[key] ?? null) !== (head.zuul?.[key] ?? null)).map(
      (key) => `zuul.${key}`,
    ),
  ];
  if (weakened.length === 0 && paths.length === 0) {
    return [
      finding('info', `This change edits ${CONFIG_FILE}; it applies from the next change on.`, {}),
    ];
  }
  const parts = [
    ...(weakened.length > 0 ? [`weakens ${weakened.join(', ')}`] : []),
    ...(paths.length > 0 ? [`changes ${paths.join(', ')}`] : []),
  ];
  return [
    finding(
      'warning',
      `This change ${parts.join(' and ')} in ${CONFIG_FILE}. The file is read at the base ` +
        'revision, so this does not apply to the change itself; VMT reviewers: make sure the ' +
        'checker is meant to judge later changes this way.',
      { weakened, paths },
    ),
  ];
}

function weakenedRules(
  base: Record<string, Level | undefined>,
  head: Record<string, Level | undefined>,
) {
  return Object.entries(head)
    .filter(([id, level]) => level !== undefined && RANK[level] < RANK[base[id] ?? defaultOf(id)])
    .map(([id, level]) => `${id} (${base[id] ?? defaultOf(id)} → ${level})`)
    .sort(compareText);
}

function defaultOf(id: string): Level {
  return allRuleMetas().find((meta) => meta.id === id)?.defaultSeverity ?? 'error';
}
