import type { LocalTestEntryPoint } from '../../evidence/types';
import { parseToxIni } from './tox';

/**
 * Local test entry points found in the files read at the evaluated commit. A file that exists
 * but was not read (over the size cap, a symlink, a missing blob) is listed with why, so the
 * rule can say it cannot tell rather than "no entry point".
 */
export function readEntryPoints(
  blobs: ReadonlyMap<string, Buffer>,
  unreadable: ReadonlyMap<string, string> = new Map(),
): LocalTestEntryPoint[] {
  const contents = new Map([...blobs].map(([path, blob]) => [path, blob.toString('utf8')]));
  const points: LocalTestEntryPoint[] = [...unreadablePoints(unreadable)];
  const tox = contents.get('tox.ini');
  if (tox !== undefined) {
    const config = parseToxIni(tox);
    const targets = [...new Set([...config.envlist, ...config.environments])];
    const point: LocalTestEntryPoint = {
      kind: 'tox',
      file: 'tox.ini',
      targets,
      bareTestenv: config.bareTestenv,
    };
    if (config.capped) point.unreadable = `read in part: ${config.capped}`;
    points.push(point);
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

const KIND_OF_FILE: Record<string, LocalTestEntryPoint['kind']> = {
  'tox.ini': 'tox',
  'package.json': 'npm',
  'go.mod': 'go',
  Makefile: 'make',
};

function unreadablePoints(unreadable: ReadonlyMap<string, string>): LocalTestEntryPoint[] {
  return [...unreadable].flatMap(([file, why]) => {
    const kind = KIND_OF_FILE[file];
    return kind ? [{ kind, file, targets: [], unreadable: why }] : [];
  });
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
