import path from 'node:path';
import type { ListFormat } from './model';

const RST_EXTENSIONS = new Set(['.rst', '.rest', '.txt']);
const YAML_EXTENSIONS = new Set(['.yaml', '.yml']);

// Each is anchored to a line start and cannot span lines: linear on any input.
const NATIVE_KEY = /^repositories[ \t]*:/m;
const GOVERNANCE_KEY = /^[ \t]+deliverables[ \t]*:/m;
// Before 2015-07-28: `Team: {projects: [{repo: ..., tags: [{name: ...}]}]}`.
const OLD_GOVERNANCE_KEY = /^[ \t]+projects[ \t]*:/m;
const OLD_GOVERNANCE_REPO = /^[ \t]+-[ \t]+repo[ \t]*:/m;
const RST_BULLET_LINK = /^[*+-][ \t]+`/m;

/**
 * The format of a list file, from its extension and then its content: rst for `.rst`/`.txt`,
 * and for YAML a top-level `repositories:` means native, `deliverables:` under teams (or, before
 * 2015-07-28, `projects:` lists of `- repo:`) means a governance `projects.yaml`. Anything undecided is read as native, whose schema then explains
 * what is wrong.
 */
export function detectFormat(file: string, text: string): ListFormat {
  const extension = path.extname(file).toLowerCase();
  if (RST_EXTENSIONS.has(extension)) return 'rst';
  if (!YAML_EXTENSIONS.has(extension) && !NATIVE_KEY.test(text) && RST_BULLET_LINK.test(text)) {
    return 'rst';
  }
  if (NATIVE_KEY.test(text)) return 'native';
  return isGovernance(text) ? 'governance' : 'native';
}

function isGovernance(text: string): boolean {
  if (GOVERNANCE_KEY.test(text)) return true;
  return OLD_GOVERNANCE_KEY.test(text) && OLD_GOVERNANCE_REPO.test(text);
}
