import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';
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
    const settings = { ...settingsOf(head), lines: settingLines(headText) };
    return { file, base: baseSettings, head: { state: 'valid', settings } };
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

/**
 * The line of each setting in a file that parsed as a valid configuration: `rules.<id>`, the
 * place keys and `zuul.<key>`, so a finding can cite the line a reviewer reads.
 */
function settingLines(text: string): Record<string, number> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const lines: Record<string, number> = {};
  const record = (pair: Pair, prefix: string) => {
    const key = isScalar(pair.key) ? pair.key : null;
    const offset = key?.range?.[0];
    if (key === null || offset === undefined) return;
    lines[`${prefix}${String(key.value)}`] = counter.linePos(offset).line;
  };
  if (!isMap(doc.contents)) return lines;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : null;
    if (key === 'rules' || key === 'zuul') {
      if (isMap(pair.value)) for (const inner of pair.value.items) record(inner, `${key}.`);
    } else {
      record(pair, '');
    }
  }
  return lines;
}
