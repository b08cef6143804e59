import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hermeticGit } from '../../../test/helpers/snapshot-repo';
import { createTempRepo, type TempRepo } from '../../../test/helpers/temp-git';
import { createGit } from '../../git/run';
import { localRefRows } from '../repository/ref-rows';
import { listRefs } from '../repository/refs';
import { BatchSession } from '../repository/session';
import { GovernanceSource } from '../governance/source';
import type { DeliverableText } from './parse-text';
import {
  FEW_REPOSITORIES,
  HERE_MAX_CHARS,
  inThreadParser,
  ParseThreadFailed,
  WorkerParser,
  type WorkerParserOptions,
} from './parser';
import { ReleasesSource } from './source';

// Jest cannot run a worker from its .ts registry: these threads load parse-worker.ts with the
// transpile hook the CLI tests run the CLI with, the same code the compiled parse-worker.js is.
const HOOK = resolve(__dirname, '../../../test/helpers/transpile-hook.js');
const ENTRY = join(__dirname, 'parse-worker.ts');
const FIXTURES = resolve(__dirname, '../../../test/fixtures/data');

const parsers: WorkerParser[] = [];
function threadParser(options: Partial<WorkerParserOptions> = {}): WorkerParser {
  const parser = new WorkerParser({ entry: ENTRY, execArgv: ['-r', HOOK], ...options });
  parsers.push(parser);
  return parser;
}
afterEach(async () => {
  await Promise.all(parsers.splice(0).map((parser) => parser.close()));
});

async function untilReady(parser: WorkerParser): Promise<void> {
  for (let waited = 0; !parser.threadReady && waited < 20000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const text = (path: string, body: string, repository = 'openstack/sushy'): DeliverableText => ({
  path,
  text: body,
  series: 'epoxy',
  repository,
});

function fixtureTexts(): DeliverableText[] {
  const root = join(FIXTURES, 'releases', 'deliverables');
  return readdirSync(root).flatMap((dir) =>
    readdirSync(join(root, dir)).map((name) => ({
      path: `deliverables/${dir}/${name}`,
      text: readFileSync(join(root, dir, name), 'utf8'),
      series: dir,
      repository: `openstack/${name.replace(/\.yaml$/, '').replace('glance-store', 'glance_store')}`,
    })),
  );
}

/** Anchors naming lists of aliases of the previous anchor: 10^29 items if expanded. */
function laughs(): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 30; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\nreleases: *a29\n`;
}

function deepBlock(depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 1)}- \n`).join('');
}

function manyReleases(count: number): string {
  const release = (i: number) =>
    `  - version: 1.${i}.0\n    projects:\n      - repo: openstack/sushy\n        hash: ${'a'.repeat(40)}\n`;
  return `team: ironic\nreleases:\n${Array.from({ length: count }, (_, i) => release(i)).join('')}`;
}

const MALFORMED: DeliverableText[] = [
  text('deliverables/epoxy/list.yaml', '- a\n- b\n'),
  text(
    'deliverables/epoxy/no-version.yaml',
    'releases:\n  - projects:\n      - repo: openstack/sushy\n',
  ),
  text('deliverables/epoxy/not-yaml.yaml', 'releases: [\n'),
  text('deliverables/epoxy/releases-map.yaml', 'releases: {version: 1}\n'),
  text(
    'deliverables/epoxy/other.yaml',
    'releases:\n  - version: 1.0.0\n    projects: [{repo: x/y}]\n',
  ),
  // 65 and 500 levels, refused by the bound; 1,000, where the library's stack overflow comes first.
  text('deliverables/epoxy/flow-65.yaml', `extra: ${'['.repeat(64)}${']'.repeat(64)}\n`),
  text('deliverables/epoxy/block-500.yaml', `extra:\n${deepBlock(500)}`),
  text('deliverables/epoxy/block-1000.yaml', `extra:\n${deepBlock(1000)}`),
  text('deliverables/epoxy/laughs.yaml', laughs()),
  text('deliverables/epoxy/big.yaml', manyReleases(5000)),
];

describe('deliverable files parsed on a worker thread and on this thread', () => {
  it('give identical outcomes for valid, malformed and hostile files, in order', async () => {
    const batch = [...fixtureTexts(), ...MALFORMED];
    const [inThread, onWorker] = await Promise.all([
      inThreadParser.parse(batch),
      threadParser().parse(batch),
    ]);
    expect(onWorker).toEqual(inThread);
    const kinds = onWorker.map((outcome) => Object.keys(outcome)[0]);
    expect(kinds.slice(0, fixtureTexts().length)).toEqual(fixtureTexts().map(() => 'file'));
    expect(onWorker.slice(-MALFORMED.length)).toEqual([
      {
        shape:
          'deliverables/epoxy/list.yaml line 1 is not a mapping, a layout this reader does not know',
      },
      { shape: 'deliverables/epoxy/no-version.yaml line 2 has a release without a version' },
      {
        shape: expect.stringMatching(
          /^deliverables\/epoxy\/not-yaml\.yaml line \d+ is not valid YAML/,
        ),
      },
      {
        shape:
          'deliverables/epoxy/releases-map.yaml line 1 releases: expected a list, found a mapping',
      },
      { file: null },
      { shape: 'deliverables/epoxy/flow-65.yaml nests collections more than 64 levels deep' },
      { shape: 'deliverables/epoxy/block-500.yaml nests collections more than 64 levels deep' },
      { shape: 'deliverables/epoxy/block-1000.yaml nests collections more than 64 levels deep' },
      { shape: 'deliverables/epoxy/laughs.yaml line 29 release: expected a mapping, found a list' },
      { file: expect.objectContaining({ team: 'ironic' }) },
    ]);
    // Arrays from the worker are of this realm, not the test's: no expect.any(Array) on them.
    const big = onWorker.at(-1);
    expect(big && 'file' in big ? big.file?.releases.length : null).toBe(5000);
  });

  it('answers concurrent batches each with its own outcomes', async () => {
    const parser = threadParser();
    const batches = MALFORMED.map((file, index) => [file, ...MALFORMED.slice(0, index)]);
    const answers = await Promise.all(batches.map((batch) => parser.parse(batch)));
    const expected = await Promise.all(batches.map((batch) => inThreadParser.parse(batch)));
    expect(answers).toEqual(expected);
  });
});

describe('a parser that parses here while its thread starts', () => {
  it('parses the first batches here, then on the thread, with the same outcomes', async () => {
    const parser = threadParser({ hereWhileStarting: true });
    const batch = [
      ...fixtureTexts(),
      ...MALFORMED.filter((file) => file.text.length <= 64 * 1024), // not big.yaml, block-1000
    ];
    expect(batch.reduce((sum, file) => sum + file.text.length, 0)).toBeLessThan(HERE_MAX_CHARS);
    const expected = await inThreadParser.parse(batch);
    expect(await parser.parse(batch)).toEqual(expected);
    expect(parser.batchesParsedHere).toBe(1);
    await untilReady(parser);
    expect(parser.threadReady).toBe(true);
    const [onThread, again] = await Promise.all([parser.parse(batch), parser.parse(batch)]);
    expect([onThread, again]).toEqual([expected, expected]);
    expect(parser.batchesParsedHere).toBe(1);
  });

  it('leaves a batch over the size bound to the thread, whose death fails that batch alone', async () => {
    const parser = threadParser({
      hereWhileStarting: true,
      resourceLimits: { maxOldGenerationSizeMb: 8 },
    });
    const huge = [text('deliverables/epoxy/huge.yaml', manyReleases(60000))];
    expect(huge[0]?.text.length).toBeGreaterThan(HERE_MAX_CHARS);
    const small = [text('deliverables/epoxy/sushy.yaml', manyReleases(1))];
    const [hugeOutcome, smallOutcome] = await Promise.allSettled([
      parser.parse(huge),
      parser.parse(small),
    ]);
    expect(hugeOutcome).toMatchObject({ status: 'rejected', reason: { outOfMemory: true } });
    expect(smallOutcome).toEqual({ status: 'fulfilled', value: await inThreadParser.parse(small) });
    expect(parser.batchesParsedHere).toBe(1);
  });

  it('told the run judges a few repositories, parses every batch here and starts no thread', async () => {
    const parser = threadParser({ hereWhileStarting: true });
    parser.expect(FEW_REPOSITORIES);
    const batch = fixtureTexts();
    const expected = await inThreadParser.parse(batch);
    for (let i = 0; i < FEW_REPOSITORIES; i++) expect(await parser.parse(batch)).toEqual(expected);
    expect(parser.batchesParsedHere).toBe(FEW_REPOSITORIES);
    expect(parser.threadStarted).toBe(false);
  });

  it('told of more, starts its thread on the first batch as before', async () => {
    const parser = threadParser({ hereWhileStarting: true });
    parser.expect(FEW_REPOSITORIES + 1);
    const batch = fixtureTexts();
    expect(await parser.parse(batch)).toEqual(await inThreadParser.parse(batch));
    expect(parser.threadStarted).toBe(true);
  });

  it('told of a few, still leaves a batch over the size bound to a thread', async () => {
    const parser = threadParser({ hereWhileStarting: true });
    parser.expect(1);
    const huge = [text('deliverables/epoxy/huge.yaml', manyReleases(3000))];
    expect(huge[0]?.text.length).toBeGreaterThan(HERE_MAX_CHARS);
    expect(await parser.parse(huge)).toEqual(await inThreadParser.parse(huge));
    expect(parser.threadStarted).toBe(true);
    expect(parser.batchesParsedHere).toBe(0);
  });

  it('told to prepare, starts its thread before any batch; told of a few first, does not', async () => {
    const ready = threadParser({ hereWhileStarting: true });
    ready.prepare();
    expect(ready.threadStarted).toBe(true);
    await untilReady(ready);
    const batch = fixtureTexts();
    expect(await ready.parse(batch)).toEqual(await inThreadParser.parse(batch));
    expect(ready.batchesParsedHere).toBe(0);
    const few = threadParser({ hereWhileStarting: true });
    few.expect(FEW_REPOSITORIES);
    few.prepare();
    expect(few.threadStarted).toBe(false);
  });

  it('told it will judge more than a few, starts its thread at once', async () => {
    const many = threadParser({ hereWhileStarting: true });
    many.expect(FEW_REPOSITORIES + 1);
    expect(many.threadStarted).toBe(true);
    await untilReady(many);
    const batch = fixtureTexts();
    expect(await many.parse(batch)).toEqual(await inThreadParser.parse(batch));
    expect(many.batchesParsedHere).toBe(0);
  });

  it('guessed to judge more than a few, starts its thread at once; guessed a few, does not', () => {
    const few = threadParser({ hereWhileStarting: true });
    few.expectAbout(FEW_REPOSITORIES);
    expect(few.threadStarted).toBe(false);
    const many = threadParser({ hereWhileStarting: true });
    many.expectAbout(FEW_REPOSITORIES + 1);
    expect(many.threadStarted).toBe(true);
  });

  it('does not keep the process alive once it has parsed here', () => {
    const script = [
      `const { WorkerParser } = require(${JSON.stringify(join(__dirname, 'parser.ts'))});`,
      `const parser = new WorkerParser({ entry: ${JSON.stringify(ENTRY)}, hereWhileStarting: true });`,
      `parser.parse([{ path: 'deliverables/epoxy/a.yaml', text: 'team: x\\n', series: 'epoxy', repository: 'openstack/a' }])`,
      `  .then((outcomes) => console.log(JSON.stringify(outcomes)));`,
    ].join('\n');
    const run = spawnSync(process.execPath, ['-r', HOOK, '-e', script], {
      encoding: 'utf8',
      timeout: 20000,
    });
    expect({ status: run.status, signal: run.signal, stderr: run.stderr }).toEqual({
      status: 0,
      signal: null,
      stderr: '',
    });
    expect(run.stdout).toMatch(/^\[\{"/);
  });
});

describe('a parsing thread that fails', () => {
  const small = text('deliverables/epoxy/sushy.yaml', manyReleases(1));

  it('over its heap limit fails the batch it was parsing, and a new thread parses the next', async () => {
    const parser = threadParser({ resourceLimits: { maxOldGenerationSizeMb: 8 } });
    const huge = parser.parse([text('deliverables/epoxy/huge.yaml', manyReleases(60000))]);
    const next = parser.parse([small]);
    await expect(huge).rejects.toThrow(ParseThreadFailed);
    await expect(huge).rejects.toMatchObject({ outOfMemory: true });
    expect(await next).toEqual(await inThreadParser.parse([small]));
    expect(parser.inThread).toBe(false);
  });

  it('makes the releases evidence unavailable, naming the files, never "no releases"', async () => {
    const source = sourceOn(
      join(FIXTURES, 'releases'),
      threadParser({ resourceLimits: { maxOldGenerationSizeMb: 8 } }),
    );
    const dir = copyOf('releases');
    try {
      writeFileSync(join(dir, 'deliverables/epoxy/sushy.yaml'), manyReleases(60000));
      const hostile = sourceOn(
        dir,
        threadParser({ resourceLimits: { maxOldGenerationSizeMb: 8 } }),
      );
      await expect(hostile.facts('openstack/sushy')).rejects.toMatchObject({
        name: 'Unavailable',
        reason: expect.stringMatching(
          /^releases data in .*: deliverables\/.*deliverables\/epoxy\/sushy\.yaml.*: the deliverable-file parsing thread failed: .*memory limit/,
        ),
      });
      expect((await source.facts('openstack/sushy')).files.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('that cannot start leaves the parsing to this thread, with the same outcomes', async () => {
    const missing = threadParser({ entry: join(__dirname, 'no-such-worker.js') });
    const noLoader = threadParser({ execArgv: [] });
    const batch = [small, ...MALFORMED.slice(0, 2)];
    const expected = await inThreadParser.parse(batch);
    expect(await missing.parse(batch)).toEqual(expected);
    expect(await noLoader.parse(batch)).toEqual(expected);
    expect([missing.inThread, noLoader.inThread]).toEqual([true, true]);
  });
});

const governance = new GovernanceSource({ dir: join(FIXTURES, 'governance'), asOf: '2026-01-01' });

function sourceOn(dir: string, parser: WorkerParser | typeof inThreadParser): ReleasesSource {
  return new ReleasesSource({
    dir,
    asOf: '2026-01-01',
    governance: (repository) => governance.facts(repository),
    parser,
  });
}

function copyOf(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vmt-releases-parser-'));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

describe('releases evidence with the worker parser and the in-thread parser', () => {
  const REPOSITORIES = ['openstack/sushy', 'openstack/glance_store', 'openstack/castellan-ui'];

  async function bothWays(dir: string) {
    const onWorker = sourceOn(dir, threadParser());
    const inThread = sourceOn(dir, inThreadParser);
    for (const repository of REPOSITORIES) {
      expect(await onWorker.facts(repository)).toEqual(await inThread.facts(repository));
    }
    return onWorker.facts('openstack/sushy');
  }

  it('is identical from a plain directory, unlisted series directories included', async () => {
    const dir = copyOf('releases');
    try {
      cpSync(join(dir, 'deliverables/gazpacho'), join(dir, 'deliverables/jasmine'), {
        recursive: true,
      });
      const facts = await bothWays(dir);
      expect(facts.files.length).toBeGreaterThan(2);
      expect(facts.unlistedSeriesFiles?.map((file) => file.ref)).toEqual([
        { source: 'releases', file: 'deliverables/jasmine/sushy.yaml' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is identical from a git checkout, refs carrying the commit', async () => {
    const dir = copyOf('releases');
    try {
      hermeticGit(dir, ['init', '--quiet', '--initial-branch=master']);
      hermeticGit(dir, ['add', '--all']);
      hermeticGit(dir, ['commit', '--quiet', '-m', 'data'], { date: '2024-01-01T12:00:00Z' });
      const facts = await bothWays(dir);
      expect(facts.files[0]?.releases[0]?.ref).toEqual({
        source: 'releases',
        file: facts.files[0]?.ref.file,
        commit: expect.stringMatching(/^[0-9a-f]{40}$/),
        line: expect.any(Number),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with the identical reason for a malformed file', async () => {
    const dir = copyOf('releases');
    try {
      writeFileSync(join(dir, 'deliverables/epoxy/sushy.yaml'), '- not\n- a mapping\n');
      const reasons = await Promise.all(
        [threadParser(), inThreadParser].map((parser) =>
          sourceOn(dir, parser)
            .facts('openstack/sushy')
            .then(
              () => 'no error',
              (error: Error) => `${error.name}: ${error.message}`,
            ),
        ),
      );
      expect(reasons[0]).toBe(
        `Unavailable: releases data in ${dir}: deliverables/epoxy/sushy.yaml line 1 is not a ` +
          'mapping, a layout this reader does not know',
      );
      expect(reasons[1]).toBe(reasons[0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the parsing thread of a process', () => {
  it('is what a run from source uses, and never keeps the process from exiting', () => {
    // The thread is unref'd while idle and ref'd while a batch is pending: the script awaits an
    // answer with nothing else alive (so an unref'd pending thread would exit it early, with no
    // output), then ends with the thread idle (so a ref'd one would keep it running).
    const script = `
      const { defaultParser, WorkerParser } = require(${JSON.stringify(join(__dirname, 'parser.ts'))});
      const parser = defaultParser();
      parser.parse([{ path: 'a.yaml', text: 'releases: []\\nrepository-settings: {r: {}}\\n', series: 's', repository: 'r' }])
        .then((outcomes) => console.log(parser instanceof WorkerParser, parser.inThread, JSON.stringify(outcomes[0].file.releases)));
    `;
    const started = Date.now();
    const child = spawnSync(process.execPath, ['-r', HOOK, '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe('true false []\n');
    expect(child.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe("a candidate's refs read on the parsing thread", () => {
  let repo: TempRepo;
  /** A repositories root holding the repository as openstack/sample, with a copy beside it. */
  let base: string;
  beforeEach(() => {
    repo = createTempRepo({ prefix: 'vmt-oversight-thread-refs-' });
    repo.write('a.txt', 'a\n');
    repo.commit('one', '2024-02-20T10:11:12+01:30');
    repo.tag('1.0.0', '2024-02-21T00:00:00-05:00');
    repo.write('a.txt', 'b\n');
    repo.git('tag', 'light', repo.commit('two', '2024-03-01T23:59:59Z'));
    repo.git('pack-refs', '--all');
    repo.git('branch', 'stable/2024.1'); // loose, beside the packed ones
    base = mkdtempSync(join(tmpdir(), 'vmt-oversight-thread-root-'));
    mkdirSync(join(base, 'root', 'openstack'), { recursive: true });
    cpSync(repo.dir, join(base, 'escape'), { recursive: true });
    renameSync(repo.dir, join(base, 'root', 'openstack', 'sample'));
  });
  afterEach(() => {
    repo.cleanup();
    rmSync(base, { recursive: true, force: true });
  });

  const root = () => join(base, 'root');
  const gitDir = () => join(root(), 'openstack', 'sample', '.git');
  /** Where the thread locates the repository. */
  const where = (): [string, string] => [root(), 'openstack/sample'];

  async function onlineParser(): Promise<WorkerParser> {
    const parser = threadParser({ hereWhileStarting: true });
    await parser.parse(fixtureTexts());
    await untilReady(parser);
    expect(parser.threadReady).toBe(true);
    return parser;
  }

  it('gives the rows this thread reads, and listRefs the listing it gives without the thread', async () => {
    const parser = await onlineParser();
    const rows = await parser.refRows(gitDir());
    expect(rows).toEqual(localRefRows(gitDir()));
    expect(rows?.map((row) => row.refname)).toEqual([
      'refs/heads/master',
      'refs/heads/stable/2024.1',
      'refs/tags/1.0.0',
      'refs/tags/light',
    ]);
    const counter = { count: 0 };
    const git = createGit(gitDir(), { counter });
    const viaThread = await listRefs(git, new BatchSession(git), parser);
    expect(viaThread).toEqual(await listRefs(git, new BatchSession(git), null));
    expect(counter.count).toBe(0);
  });

  it('answers null for a directory it cannot read whole (a commondir): listRefs asks git', async () => {
    const parser = await onlineParser();
    writeFileSync(join(gitDir(), 'commondir'), '.\n');
    expect(await parser.refRows(gitDir())).toBeNull();
    const counter = { count: 0 };
    const git = createGit(gitDir(), { counter });
    const listing = await listRefs(git, new BatchSession(git), parser);
    expect(listing.tags.map((tag) => tag.name)).toEqual(['1.0.0', 'light']);
    expect(counter.count).toBe(1); // for-each-ref
  });

  it('leaves the refs to this thread while its thread is not online, or has two batches to do', async () => {
    const starting = threadParser({ hereWhileStarting: true });
    expect(starting.refRows(gitDir())).toBeNull(); // no thread yet
    const parser = await onlineParser();
    const pending = [parser.parse(fixtureTexts()), parser.parse(fixtureTexts())];
    expect(parser.refRows(gitDir())).toBeNull();
    await Promise.all(pending);
    expect(parser.refRows(gitDir())).not.toBeNull();
  });

  it("asked ahead, reads them while idle: asked after, they are the thread's rows", async () => {
    const parser = await onlineParser();
    const ahead = parser.prefetch(...where())!;
    expect(await ahead.answer).toEqual(localRefRows(gitDir()));
    const rows = ahead.take(gitDir());
    expect(rows).toBeInstanceOf(Promise);
    expect(await rows).toEqual(localRefRows(gitDir()));
  });

  it('asked ahead, are not taken for another git directory than the one the thread found', async () => {
    const parser = await onlineParser();
    const ahead = parser.prefetch(...where())!;
    expect(await ahead.answer).not.toBeNull();
    expect(await ahead.take(join(base, 'escape', '.git'))).toBeNull();
  });

  it('asked ahead of a repository the thread cannot locate under the root, answer nothing', async () => {
    const parser = await onlineParser();
    symlinkSync(join(base, 'escape'), join(root(), 'openstack', 'link'));
    expect(await parser.prefetch(root(), 'openstack/absent')!.answer).toBeNull();
    expect(await parser.prefetch(root(), '../escape')!.answer).toBeNull(); // a repository there
    expect(await parser.prefetch(root(), 'openstack/link')!.answer).toBeNull(); // leads outside
    expect(await parser.prefetch(root(), 'openstack/sample')!.answer).not.toBeNull();
  });

  it('asked ahead while the thread is busy and then needed, are read here: the thread skips them', async () => {
    const parser = await onlineParser();
    const busy = parser.parse(fixtureTexts());
    const ahead = parser.prefetch(...where())!;
    expect(ahead.take(gitDir())).toBeNull(); // not started there: this thread reads them
    expect(await ahead.answer).toBeNull();
    await busy;
  });

  it('asked ahead, wait while a batch sent after them is parsed', async () => {
    const parser = await onlineParser();
    const order: string[] = [];
    const busy = parser.parse([...fixtureTexts(), ...fixtureTexts(), ...fixtureTexts()]);
    const ahead = parser.prefetch(...where())!.answer.then(() => order.push('refs'));
    const later = parser.parse([text('deliverables/epoxy/sushy.yaml', manyReleases(1))]);
    await Promise.all([busy, ahead, later.then(() => order.push('batch'))]);
    expect(order).toEqual(['batch', 'refs']);
  });

  it('asked ahead of a batch the thread dies on, are still read: the batch alone fails', async () => {
    const parser = threadParser({
      hereWhileStarting: true,
      resourceLimits: { maxOldGenerationSizeMb: 8 },
    });
    await parser.parse(fixtureTexts());
    await untilReady(parser);
    // Made before any is sent: both must wait while the thread parses the first.
    const hugeText = text('deliverables/epoxy/huge.yaml', manyReleases(60000));
    const busy = parser.parse([...fixtureTexts(), ...fixtureTexts()]);
    const ahead = parser.prefetch(...where())!;
    const huge = parser.parse([hugeText]);
    await busy;
    await expect(huge).rejects.toMatchObject({ outOfMemory: true });
    expect(await ahead.answer).toEqual(localRefRows(gitDir()));
  });

  it('asks nothing ahead without a thread', () => {
    const few = threadParser({ hereWhileStarting: true });
    few.expect(FEW_REPOSITORIES);
    expect(few.prefetch(...where())).toBeNull();
    expect(few.threadStarted).toBe(false);
  });

  it('answers a pending request null when its thread is closed', async () => {
    const parser = await onlineParser();
    const rows = parser.refRows(gitDir());
    expect(rows).toBeInstanceOf(Promise); // sent to the thread, not left to this one
    await parser.close();
    expect(await rows).toBeNull();
  });
});
