import type { ConfigChange, ConfigSettings } from '../evidence/config-change';
import { CONFIG_FILE, parseConfig, type FileConfig } from './config-schema';

const PLACE_KEYS = ['list', 'governance', 'releases', 'project-config', 'repos-root'] as const;
/** Where the Zuul job reads the change's approvals and fetches candidates from. */
const ZUUL_KEYS = ['gerrit', 'git-url'] as const;

/**
 * The facts of a change to `.vmt-oversight.yaml` (the `configuration` rule judges them): the
 * settings at base and what the change leaves, parsed as the next check would parse it.
 */
export function configChange(base: FileConfig | null, headText: string | null): ConfigChange {
  const file = CONFIG_FILE;
  const baseSettings = base === null ? null : settingsOf(base);
  if (headText === null) return { file, base: baseSettings, head: { state: 'deleted' } };
  try {
    const head = parseConfig(headText, `${CONFIG_FILE} as this change leaves it`);
    return { file, base: baseSettings, head: { state: 'valid', settings: settingsOf(head) } };
  } catch (error) {
    return {
      file,
      base: baseSettings,
      head: { state: 'invalid', reason: (error as Error).message },
    };
  }
}

function settingsOf(config: FileConfig): ConfigSettings {
  const places: Record<string, string | null> = {};
  for (const key of PLACE_KEYS) places[key] = config[key] ?? null;
  for (const key of ZUUL_KEYS) places[`zuul.${key}`] = config.zuul?.[key] ?? null;
  return { rules: { ...(config.rules ?? {}) }, places };
}
