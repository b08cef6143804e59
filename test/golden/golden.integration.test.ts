/**
 * Golden files: what users see, in every format, for the example world (`npm start`): the passing
 * proposal (a commit) and the failing one (a work-tree edit). A change to any reporter, rule
 * message or citation shows as a diff of test/golden/example/ in review.
 *
 * To accept a change on purpose: `UPDATE_GOLDEN=1 npx jest test/golden`, then review the diff.
 *
 * Normalised so the files are stable: the tool version (`<version>`), the temporary directories
 * (`<list-repo>`, `<world>`, `<tmp>`), and the base and head revisions (`<base>`, `<head>`).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorld, evidenceFlags, type World } from '../../examples/build-world';
import { createTempRepo } from '../../examples/temp-repo';
import { REPORT_FORMATS, type ReportFormat } from '../../src/report/reporters';
import { TOOL_VERSION } from '../../src/version';
import { runCli } from '../helpers/run-cli';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const GOLDEN = join(__dirname, 'example');
const LIST = 'repos-overseen.yaml';
const AS_OF = '2026-06-01';
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const EXTENSIONS: Record<ReportFormat, string> = {
  text: 'txt',
  json: 'json',
  zuul: 'zuul.json',
  gerrit: 'gerrit.json',
  markdown: 'md',
  sarif: 'sarif',
  html: 'html',
};

interface Outputs {
  status: number;
  files: Map<ReportFormat, string>;
}

let root: string;
let world: World;
const outputs = new Map<string, Outputs>();

/** The example's proposal checked once, every format written with --report. */
async function check(proposal: string, how: 'commit' | 'work tree'): Promise<Outputs> {
  const repo = createTempRepo({ prefix: 'vmt-golden-list-' });
  const out = mkdtempSync(join(tmpdir(), 'vmt-golden-out-'));
  try {
    copyFileSync(join(EXAMPLES, 'proposals', 'base.yaml'), join(repo.dir, LIST));
    repo.commit('Add the oversight list', '2026-05-01T12:00:00Z');
    copyFileSync(join(EXAMPLES, 'proposals', proposal), join(repo.dir, LIST));
    if (how === 'commit') repo.commit(`Proposal: ${proposal}`, '2026-05-30T12:00:00Z');
    const args = ['check', '--repo', repo.dir, '--list', LIST, '--as-of', AS_OF];
    args.push(...(how === 'commit' ? ['--base', 'HEAD~1', '--head', 'HEAD'] : ['--base', 'HEAD']));
    args.push(...Object.entries(evidenceFlags(world)).flat());
    for (const format of REPORT_FORMATS) {
      args.push('--report', `${format}=${join(out, `${format}.out`)}`);
    }
    const result = await runCli([...args, '--format', 'json']);
    const json = JSON.parse(result.stdout) as { base: string; head: string };
    const normalise = normaliser(
      [
        [repo.dir, '<list-repo>'],
        [root, '<world>'],
        [tmpdir(), '<tmp>'],
      ],
      json,
    );
    const files = new Map<ReportFormat, string>();
    for (const format of REPORT_FORMATS) {
      files.set(format, normalise(readFileSync(join(out, `${format}.out`), 'utf8')));
    }
    return { status: result.status, files };
  } finally {
    repo.cleanup();
    rmSync(out, { recursive: true, force: true });
  }
}

function normaliser(
  paths: [string, string][],
  revisions: { base: string; head: string },
): (text: string) => string {
  const pairs: [string, string][] = [...paths];
  for (const [sha, name] of [
    [revisions.base, '<base>'],
    [revisions.head, '<head>'],
  ] as const) {
    if (/^[0-9a-f]{40}$/.test(sha)) pairs.push([sha, name], [sha.slice(0, 12), name]);
  }
  return (text) => {
    let out = text;
    for (const [from, to] of pairs) out = out.split(from).join(to);
    // JSON escapes nothing in these paths; the version appears as a value and in the footers.
    return out
      .replace(
        new RegExp(`"version": "${escapeRegExp(TOOL_VERSION)}"`, 'g'),
        '"version": "<version>"',
      )
      .replace(
        new RegExp(`vmt-oversight ${escapeRegExp(TOOL_VERSION)}\\b`, 'g'),
        'vmt-oversight <version>',
      );
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`${file} is missing: run UPDATE_GOLDEN=1 npx jest test/golden`);
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (actual !== expected) {
    throw new Error(
      `${name} differs from its golden file (${file}).\n` +
        `If the change is intended: UPDATE_GOLDEN=1 npx jest test/golden, and review the diff.\n\n` +
        firstDifference(expected, actual),
    );
  }
}

function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line < 0 ? a.length : line;
  return `first difference at line ${at + 1}:\n- ${a[at] ?? '(end)'}\n+ ${b[at] ?? '(end)'}`;
}

beforeAll(async () => {
  Object.assign(process.env, {
    GIT_AUTHOR_NAME: 'Example Proposer',
    GIT_AUTHOR_EMAIL: 'proposer@example.org',
    GIT_COMMITTER_NAME: 'Example Proposer',
    GIT_COMMITTER_EMAIL: 'proposer@example.org',
  });
  root = mkdtempSync(join(tmpdir(), 'vmt-golden-world-'));
  world = buildWorld(join(EXAMPLES, 'world'), root);
  outputs.set('passing', await check('passing.yaml', 'commit'));
  outputs.set('failing', await check('failing.yaml', 'work tree'));
}, 120_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe.each(['passing', 'failing'])('the example %s proposal', (name) => {
  it('exits as the example says (0 passing, 1 failing)', () => {
    expect(outputs.get(name)?.status).toBe(name === 'passing' ? 0 : 1);
  });

  it.each(REPORT_FORMATS.map((format) => [format]))('matches its golden %s report', (format) => {
    const text = outputs.get(name)?.files.get(format);
    expect(text).toBeDefined();
    expectGolden(`${name}.${EXTENSIONS[format]}`, text as string);
  });
});
