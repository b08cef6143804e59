/**
 * Test helper: the checks Zuul applies to what a job returns with `zuul_return`, so a test fails
 * where Zuul would drop our comments.
 *
 * Mirrors `zuul/lib/filecomments.py` (voluptuous, strict: no other keys, all keys optional):
 *   FILE_COMMENT  = {line: int, message: str, level: str,
 *                    range: {start_line: int, start_character: int, end_line: int, end_character: int}}
 *   FILE_COMMENTS = {str: [FILE_COMMENT]}
 * and `zuul/ansible/schema.py` for `warnings` ([str]) and `artifacts` ([{name, url, metadata?}]).
 * Stricter than Zuul where Zuul's documentation or Gerrit would still reject the data: `level` is
 * one of info/warning/error, lines are positive integers, ranges are ordered, a path is relative.
 */

type Json = unknown;

const COMMENT_KEYS = ['line', 'message', 'level', 'range'];
const RANGE_KEYS = ['start_line', 'start_character', 'end_line', 'end_character'];
const LEVELS = ['info', 'warning', 'error'];
/** Keys Zuul understands under `zuul` in returned data (job-content.rst, "Return Values"). */
const ZUUL_KEYS = [
  'file_comments',
  'warnings',
  'artifacts',
  'log_url',
  'child_jobs',
  'retry',
  'pause',
  'disable_file_comment_line_mapping',
];

/** Every problem Zuul (or Gerrit) would have with `data`, as `path: problem`; empty when valid. */
export function zuulReturnProblems(data: Json): string[] {
  if (!isObject(data)) return ['$: must be an object'];
  const zuul = data.zuul;
  if (zuul === undefined) return [];
  if (!isObject(zuul)) return ['zuul: must be an object'];
  const problems = Object.keys(zuul)
    .filter((key) => !ZUUL_KEYS.includes(key))
    .map((key) => `zuul.${key}: not a key Zuul understands`);
  if ('file_comments' in zuul) problems.push(...fileCommentsProblems(zuul.file_comments));
  if ('warnings' in zuul) problems.push(...warningsProblems(zuul.warnings));
  if ('artifacts' in zuul) problems.push(...artifactsProblems(zuul.artifacts));
  return problems;
}

/** Throws with every problem listed, for `expect(() => assertValidZuulReturn(x)).not.toThrow()`. */
export function assertValidZuulReturn(data: Json): void {
  const problems = zuulReturnProblems(data);
  if (problems.length) throw new Error(`invalid zuul_return data:\n  ${problems.join('\n  ')}`);
}

export function fileCommentsProblems(value: Json, at = 'zuul.file_comments'): string[] {
  if (!isObject(value)) return [`${at}: must be a mapping of path to comments`];
  const problems: string[] = [];
  for (const [path, comments] of Object.entries(value)) {
    const where = `${at}[${JSON.stringify(path)}]`;
    if (path === '' || (path.startsWith('/') && !/^\/[A-Z_]+$/.test(path))) {
      problems.push(`${where}: a path relative to the repository (or a Gerrit magic path)`);
    }
    if (!Array.isArray(comments)) {
      problems.push(`${where}: must be a list`);
      continue;
    }
    comments.forEach((comment, index) =>
      problems.push(...commentProblems(comment, `${where}[${index}]`)),
    );
  }
  return problems;
}

function commentProblems(comment: Json, at: string): string[] {
  if (!isObject(comment)) return [`${at}: must be a mapping`];
  const problems = extraKeys(comment, COMMENT_KEYS, at);
  if ('line' in comment && !isLine(comment.line)) problems.push(`${at}.line: a positive integer`);
  if ('message' in comment && typeof comment.message !== 'string') {
    problems.push(`${at}.message: must be a string`);
  }
  if ('level' in comment && !LEVELS.includes(comment.level as string)) {
    problems.push(`${at}.level: one of ${LEVELS.join(', ')}`);
  }
  if ('range' in comment) problems.push(...rangeProblems(comment.range, `${at}.range`));
  return problems;
}

function rangeProblems(range: Json, at: string): string[] {
  if (!isObject(range)) return [`${at}: must be a mapping`];
  const problems = extraKeys(range, RANGE_KEYS, at);
  for (const key of RANGE_KEYS) {
    const value = range[key];
    const ok = key.endsWith('_line') ? isLine(value) : isInteger(value) && value >= 0;
    if (!ok)
      problems.push(`${at}.${key}: ${key.endsWith('_line') ? 'positive' : 'non-negative'} integer`);
  }
  if (problems.length) return problems;
  const start = [range.start_line as number, range.start_character as number];
  const end = [range.end_line as number, range.end_character as number];
  if (start[0] > end[0] || (start[0] === end[0] && start[1] > end[1])) {
    problems.push(`${at}: starts after it ends`);
  }
  return problems;
}

function warningsProblems(value: Json): string[] {
  if (!Array.isArray(value)) return ['zuul.warnings: must be a list of strings'];
  return value.flatMap((warning, index) =>
    typeof warning === 'string' ? [] : [`zuul.warnings[${index}]: must be a string`],
  );
}

function artifactsProblems(value: Json): string[] {
  if (!Array.isArray(value)) return ['zuul.artifacts: must be a list'];
  return value.flatMap((artifact, index) => {
    const at = `zuul.artifacts[${index}]`;
    if (!isObject(artifact)) return [`${at}: must be a mapping`];
    const problems = extraKeys(artifact, ['name', 'url', 'metadata'], at);
    if (typeof artifact.name !== 'string') problems.push(`${at}.name: required string`);
    if (typeof artifact.url !== 'string') problems.push(`${at}.url: required string`);
    if ('metadata' in artifact && !isObject(artifact.metadata)) {
      problems.push(`${at}.metadata: must be a mapping`);
    }
    return problems;
  });
}

function extraKeys(object: Record<string, Json>, allowed: string[], at: string): string[] {
  return Object.keys(object)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${at}.${key}: extra keys not allowed (Zuul would drop every comment)`);
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInteger(value: Json): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function isLine(value: Json): value is number {
  return isInteger(value) && value >= 1;
}
