/** The parts of tox.ini that say what `tox -e <env>` can run. */
export interface ToxConfig {
  envlist: string[];
  /** Names of `[testenv:<name>]` sections (expanded when they use `{a,b}`). */
  environments: string[];
  bareTestenv: boolean;
}

interface Section {
  name: string;
  lines: string[];
}

export function parseToxIni(content: string): ToxConfig {
  const sections = splitSections(content);
  const tox = sections.find((section) => section.name === 'tox');
  const environments = sections
    .map((section) => /^testenv:(.+)$/.exec(section.name)?.[1]?.trim())
    .filter((name): name is string => Boolean(name))
    .flatMap(expandBraces);
  return {
    envlist: tox ? readEnvlist(tox.lines) : [],
    environments: [...new Set(environments)],
    bareTestenv: sections.some((section) => section.name === 'testenv'),
  };
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
function readEnvlist(lines: readonly string[]): string[] {
  const start = lines.findIndex((line) => /^(envlist|env_list)\s*=/.test(line));
  if (start < 0) return [];
  const value = [(lines[start] ?? '').replace(/^[^=]*=/, '')];
  for (const line of lines.slice(start + 1)) {
    if (!/^\s+\S/.test(line)) break;
    value.push(line);
  }
  const text = value.map((line) => line.replace(/(^|\s)[#;].*$/, '')).join(',');
  return [...new Set(splitTopLevel(text).flatMap(expandBraces))];
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

/** `py{38,39}-unit` → py38-unit, py39-unit. */
export function expandBraces(value: string): string[] {
  const match = /\{([^{}]*)\}/.exec(value);
  if (!match) return [value.trim()];
  const before = value.slice(0, match.index);
  const after = value.slice(match.index + match[0].length);
  return (match[1] ?? '')
    .split(',')
    .flatMap((option) => expandBraces(`${before}${option.trim()}${after}`));
}
