import type { LocalTestEntryPoint } from '../../evidence/types';
import { parseToxIni } from './tox';

/** Local test entry points found in the files read at the evaluated commit. */
export function readEntryPoints(contents: ReadonlyMap<string, string>): LocalTestEntryPoint[] {
  const points: LocalTestEntryPoint[] = [];
  const tox = contents.get('tox.ini');
  if (tox !== undefined) {
    const config = parseToxIni(tox);
    const targets = [...new Set([...config.envlist, ...config.environments])];
    points.push({ kind: 'tox', file: 'tox.ini', targets, bareTestenv: config.bareTestenv });
  }
  const npm = contents.get('package.json');
  if (npm !== undefined)
    points.push({ kind: 'npm', file: 'package.json', targets: npmScripts(npm) });
  if (contents.has('go.mod')) points.push({ kind: 'go', file: 'go.mod', targets: ['test'] });
  const makefile = contents.get('Makefile');
  if (makefile !== undefined) {
    points.push({ kind: 'make', file: 'Makefile', targets: makeTargets(makefile) });
  }
  return points;
}

function npmScripts(content: string): string[] {
  try {
    const parsed: unknown = JSON.parse(content);
    const scripts = isRecord(parsed) ? parsed.scripts : undefined;
    return isRecord(scripts)
      ? Object.keys(scripts).filter((name) => typeof scripts[name] === 'string')
      : [];
  } catch {
    return [];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Explicit rule targets (`test:`, `check test:`), not variables (`X := …`) or patterns. */
function makeTargets(content: string): string[] {
  const targets = new Set<string>();
  for (const line of content.split(/\r?\n/)) {
    const match = /^([A-Za-z0-9_.\- ]+?)\s*::?(?!=)/.exec(line);
    if (!match?.[1]) continue;
    for (const target of match[1].split(/\s+/)) {
      if (target && !target.startsWith('.')) targets.add(target);
    }
  }
  return [...targets];
}
