/** The parts of tox.ini that say what `tox -e <env>` can run. */
export interface ToxConfig {
  envlist: string[];
  /** Names of `[testenv:<name>]` sections (expanded when they use `{a,b}`). */
  environments: string[];
  bareTestenv: boolean;
  /** Set when brace expansion hit its cap: the names above are only the first ones. */
  capped?: string;
}

/**
 * Brace expansion multiplies: `{a,b}` forty times is 2^40 names. Real tox.ini files expand to a
 * few dozen (`py{39,310,311,312}-{unit,functional}`), so the product is capped, per value and
 * per file, and the cap is reported.
 */
export const TOX_LIMITS = { namesPerValue: 256, namesPerFile: 1024 } as const;

class NameBudget {
  private used = 0;
  capped = false;

  take(names: string[]): string[] {
    const room = Math.max(0, TOX_LIMITS.namesPerFile - this.used);
    if (names.length > room) this.capped = true;
    const kept = names.slice(0, room);
    this.used += kept.length;
    return kept;
  }
}

interface Section {
  name: string;
  lines: string[];
}

export function parseToxIni(content: string): ToxConfig {
  const sections = splitSections(content);
  const tox = sections.find((section) => section.name === 'tox');
  const budget = new NameBudget();
  const expand = (value: string): string[] => {
    const expanded = expandBracesCapped(value, TOX_LIMITS.namesPerValue);
    if (expanded.capped) budget.capped = true;
    return budget.take(expanded.names);
  };
  const envlist = tox ? readEnvlist(tox.lines, expand) : [];
  const environments = sections
    .map((section) => /^testenv:(.+)$/.exec(section.name)?.[1]?.trim())
    .filter((name): name is string => Boolean(name))
    .flatMap(expand);
  const config: ToxConfig = {
    envlist,
    environments: [...new Set(environments)],
    bareTestenv: sections.some((section) => section.name === 'testenv'),
  };
  if (budget.capped) {
    config.capped =
      `brace expansion stopped at ${TOX_LIMITS.namesPerValue} names per value and ` +
      `${TOX_LIMITS.namesPerFile} per file`;
  }
  return config;
}

function splitSections(content: string): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  for (const raw of content.split(/\r?\n/)) {
    const header = /^\[([^\]]+)\]\s*$/.exec(raw);
    if (header?.[1]) {
      current = { name: header[1].trim(), lines: [] };
      sections.push(current);
    } else if (current) {
      current.lines.push(raw);
    }
  }
  return sections;
}

/** `envlist` / `env_list`, with indented continuation lines, commas and brace expansion. */
function readEnvlist(lines: readonly string[], expand: (value: string) => string[]): string[] {
  const start = lines.findIndex((line) => /^(envlist|env_list)\s*=/.test(line));
  if (start < 0) return [];
  const value = [(lines[start] ?? '').replace(/^[^=]*=/, '')];
  for (const line of lines.slice(start + 1)) {
    if (!/^\s+\S/.test(line)) break;
    value.push(line);
  }
  const text = value.map((line) => line.replace(/(^|\s)[#;].*$/, '')).join(',');
  return [...new Set(splitTopLevel(text).flatMap(expand))];
}

/** Splits on commas and newlines that are not inside braces. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '{') depth += 1;
    if (char === '}') depth = Math.max(0, depth - 1);
    if ((char === ',' || char === '\n') && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** `py{38,39}-unit` → py38-unit, py39-unit (uncapped; for trusted, small values). */
export function expandBraces(value: string): string[] {
  return expandBracesCapped(value, Number.POSITIVE_INFINITY).names;
}

/**
 * Expands every `{a,b}` group, the first group varying slowest, stopping after `limit` names.
 * The work is bounded by the names produced, never by the product of the groups.
 */
export function expandBracesCapped(
  value: string,
  limit: number,
): { names: string[]; capped: boolean } {
  const literals: string[] = [];
  const groups: string[][] = [];
  let rest = value;
  for (let match = /\{([^{}]*)\}/.exec(rest); match; match = /\{([^{}]*)\}/.exec(rest)) {
    literals.push(rest.slice(0, match.index));
    groups.push((match[1] ?? '').split(',').map((option) => option.trim()));
    rest = rest.slice(match.index + match[0].length);
  }
  literals.push(rest);
  const names: string[] = [];
  const choice = groups.map(() => 0);
  for (;;) {
    if (names.length >= limit) return { names, capped: true };
    names.push(
      literals
        .map((literal, index) => literal + (groups[index]?.[choice[index] ?? 0] ?? ''))
        .join('')
        .trim(),
    );
    if (!advance(choice, groups)) return { names, capped: false };
  }
}

/** The next combination, last group fastest; false after the last one. */
function advance(choice: number[], groups: readonly string[][]): boolean {
  for (let index = groups.length - 1; index >= 0; index -= 1) {
    const next = (choice[index] ?? 0) + 1;
    if (next < (groups[index]?.length ?? 0)) {
      choice[index] = next;
      return true;
    }
    choice[index] = 0;
  }
  return false;
}
