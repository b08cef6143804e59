import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/**
 * The directory holding this tool's package.json, found by walking up from this file, so it
 * works both from src/ (tests) and from dist/src/ (the built binary).
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && isOurs(candidate)) return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('vmt-oversight: cannot find its own package.json');
    dir = parent;
  }
}

function isOurs(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'vmt-oversight';
  } catch {
    return false;
  }
}
