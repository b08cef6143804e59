import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { RefRow } from '../repository/ref-objects';
import type { RefRowReader, RefsAhead } from '../repository/ref-rows';
import { claim, HERE, jobIn, newJobCell, openClaim, type Cell } from './shared-cells';
import { parseDeliverableText, type DeliverableText, type ParseOutcome } from './parse-text';

/** Parses batches of deliverable texts; the outcomes are in the order of the texts. */
export interface DeliverableParser {
  parse(files: readonly DeliverableText[]): Promise<ParseOutcome[]>;
  /** How many repositories the run will ask about, once known (a hint; outcomes are the same). */
  expect?(repositories: number): void;
  /** The run will parse the files of many repositories: get ready now (a hint, as `expect`). */
  prepare?(): void;
  /** An early guess of `expect`'s count, before it is known (a hint, as `expect`). */
  expectAbout?(repositories: number): void;
}

/**
 * What the thread is asked: a batch of deliverable files to parse, a git directory's refs, or
 * a repository's refs asked ahead of need (`root` and `name`, which it locates itself), with a
 * claim: the thread reads them only if it takes the claim first.
 */
export type ParseBatch = { id: number } & Job;

/**
 * A batch's outcomes, or a git directory's ref rows (ref-rows.ts); the thread first sends
 * `{ ready: true }` once its modules are loaded.
 */
export type ParseAnswer =
  | { id: number; outcomes: ParseOutcome[] }
  /** `gitDir`: where the thread located a repository asked ahead (the rows are its refs). */
  | { id: number; rows: RefRow[] | null; gitDir?: string }
  | { ready: true };

type Job =
  | { files: readonly DeliverableText[] }
  | { refsOf: string }
  | { refsOfRepository: { root: string; name: string }; claim: Cell };

/** Parses on the calling thread. */
export const inThreadParser: DeliverableParser = {
  parse: (files) => Promise.resolve(files.map(parseDeliverableText)),
};

/**
 * The parsing thread died while it parsed a batch (`outOfMemory`: over its heap limit, which a
 * hostile file can cause). The batch gets no outcome, so its evidence must not be read as any.
 */
export class ParseThreadFailed extends Error {
  constructor(
    readonly outOfMemory: boolean,
    detail: string,
  ) {
    super(`the deliverable-file parsing thread failed: ${detail}`);
    this.name = 'ParseThreadFailed';
  }
}

/**
 * The stack the main thread has: V8's default JavaScript stack (984 KB) plus the 192 KB Node
 * keeps free below a worker's. A worker's default (4 MB) would compose YAML nested about 4 times
 * as deep before the library's stack overflow (RESOURCE_EXHAUSTION) where this thread would
 * refuse the file; with the same stack it refuses the same files, as the main thread did.
 */
const MAIN_THREAD_STACK_MB = (984 + 192) / 1024;

/** The parsing thread's young generation, in MB (V8 sizes it by the machine otherwise). */
const WORKER_YOUNG_GENERATION_MB = 8;

interface Pending {
  job: Job;
  answered(answer: ParseAnswer): void;
  /** The thread died on this job, or was closed. */
  failed(error: ParseThreadFailed): void;
  /** No thread could start: the job is done on this thread. */
  doHere(): void;
}

export interface WorkerParserOptions {
  /** The entry module: parse-worker.js beside this module (or .ts where a .ts loader is). */
  entry: string;
  /** The thread's node flags; the process's own by default (so a .ts loader carries over). */
  execArgv?: string[];
  resourceLimits?: ResourceLimits;
  /**
   * Parse here until the thread is online. It takes ~150 ms to load its modules and then parses
   * with cold code, while this thread's YAML code is already warm from governance and the lists:
   * a check of a few repositories is over before the thread would have answered. Only batches
   * of at most HERE_MAX_CHARS: a larger one waits for the thread, whose death (over its heap
   * limit) fails that batch alone, where here it would end the run.
   */
  hereWhileStarting?: boolean;
}

/**
 * Refs go to the thread only while it has less than this to do: the main thread reads the others
 * itself rather than wait (with no limit, a check of 60 repositories left the main thread idle a
 * quarter of its time, waiting on the thread).
 */
const MAX_REFS_BEHIND = 2;

/** The largest batch parsed here while the thread starts: real batches are a few KB. */
export const HERE_MAX_CHARS = 256 * 1024;

/**
 * A run that judges at most this many repositories parses here and starts no thread. The thread
 * costs ~150 ms of CPU to start on a machine with two cores, while this thread parses what it
 * would: a check of 5 repositories took 14% less CPU and 6% less time (12 interleaved runs), one
 * of 15 10% less CPU in the same time; from 60 on the thread pays.
 */
export const FEW_REPOSITORIES = 16;

function textLength(files: readonly DeliverableText[]): number {
  return files.reduce((sum, file) => sum + file.text.length, 0);
}

/**
 * Parses on one worker thread, started on the first batch (or on `prepare`). It is unref'd
 * while it has no batch, so it never keeps the process alive. The thread answers in order,
 * but for refs asked ahead of need (`prefetch`), which wait while anything else does. A thread
 * that cannot start leaves the parsing to the calling thread (the same code, so the same
 * outcomes); one that dies fails the job it was doing (it says which in a shared cell) and a
 * new thread takes the others, so a batch never goes without an answer.
 */
export class WorkerParser implements DeliverableParser, RefRowReader {
  private worker: Worker | null = null;
  /** Whether the thread loaded its modules: a thread that dies before cannot parse at all. */
  private online = false;
  private fallback = false;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  /** Where the running thread says which job it is doing (see shared-cells.ts). */
  private jobCell: Cell = newJobCell();
  private parsedHere = 0;
  private few = false;

  constructor(private readonly options: WorkerParserOptions) {}

  /** Whether parsing fell back to the calling thread because no thread could start. */
  get inThread(): boolean {
    return this.fallback;
  }

  /** Batches parsed on the calling thread while the thread started (tests). */
  get batchesParsedHere(): number {
    return this.parsedHere;
  }

  /** Whether the thread has loaded its modules and takes the batches (tests). */
  get threadReady(): boolean {
    return this.worker !== null && this.online;
  }

  /** Whether a thread was started and still runs (tests). */
  get threadStarted(): boolean {
    return this.worker !== null;
  }

  /**
   * Told how many repositories the run judges, before the first: more than a few start the
   * thread now (a check's first batch comes some 200 ms later, its deliverables read, and the
   * thread takes about as long to come online; meanwhile this thread parses the batches).
   */
  expect(repositories: number): void {
    this.few = repositories <= FEW_REPOSITORIES;
    this.prepare();
  }

  /**
   * Guessed to judge more than a few (a check's lists differ in many lines naming repositories):
   * starts the thread now, while this thread parses governance and the lists and the other core
   * idles, rather than once the lists are parsed; it is then online for the first batch (a check
   * of 60 repositories had it ~150 ms later, the first batches parsed here meanwhile).
   */
  expectAbout(repositories: number): void {
    if (repositories > FEW_REPOSITORIES) this.prepare();
  }

  /**
   * Starts the thread before the first batch. An audit of every official repository reads
   * governance first (~150 ms on this thread, the other core idle), and the thread takes about
   * as long to load its modules: started then, it is online by the first batch.
   */
  prepare(): void {
    if (!this.fallback && !this.few) this.thread();
  }

  parse(files: readonly DeliverableText[]): Promise<ParseOutcome[]> {
    if (this.fallback || files.length === 0) return inThreadParser.parse(files);
    const here = this.options.hereWhileStarting === true && textLength(files) <= HERE_MAX_CHARS;
    if (here && this.few && this.worker === null) return this.parseOnThisThread(files);
    if (this.thread() === null) return inThreadParser.parse(files); // no thread could start
    if (here && !this.online) return this.parseOnThisThread(files);
    return new Promise((resolve, reject) => {
      this.enqueue({
        job: { files },
        answered: (answer) =>
          'outcomes' in answer
            ? resolve(answer.outcomes)
            : reject(new ParseThreadFailed(false, 'it answered files with refs')),
        failed: reject,
        doHere: () => void inThreadParser.parse(files).then(resolve),
      });
    });
  }

  /**
   * A git directory's ref rows read on the thread, which is otherwise idle much of a run: about
   * a third of the main thread's time went to reading tags. Only on a thread that is already
   * online (the deliverables came first); otherwise null, and they are read here. A thread that
   * dies on them, or cannot read them all, answers null too: they are read here, the usual way.
   */
  refRows(gitDir: string): Promise<RefRow[] | null> | null {
    if (this.fallback || this.worker === null || !this.online) return null;
    if (this.pending.size >= MAX_REFS_BEHIND) return null;
    return this.askRefs({ refsOf: gitDir }).then((answer) => answer.rows);
  }

  /**
   * Asks the thread for the refs of repository `name` under `root` before they are needed, for
   * it to locate the repository (as the main thread does, with its own event loop, so that this
   * thread's parsing does not hold it up) and read them while it would otherwise idle (see
   * RefsAhead). Only once a thread is started: a run of a few repositories has none, and gets
   * null.
   */
  prefetch(root: string, name: string): RefsAhead | null {
    if (this.fallback || this.worker === null) return null;
    const cell = openClaim();
    const answer = this.askRefs({ refsOfRepository: { root, name }, claim: cell });
    const rows = answer.then((a) => a.rows);
    return {
      // Not started there yet: read here now rather than wait behind the thread's other jobs.
      // Rows read elsewhere than where this thread found the repository are not its rows.
      take: (gitDir) =>
        claim(cell, HERE) ? null : answer.then((a) => (a.gitDir === gitDir ? a.rows : null)),
      answer: rows,
    };
  }

  /** Never rejects: no rows when the thread cannot answer with them. */
  private askRefs(job: Job): Promise<{ rows: RefRow[] | null; gitDir?: string }> {
    return new Promise((resolve) => {
      this.enqueue({
        job,
        answered: (answer) => resolve('rows' in answer ? answer : { rows: null }),
        failed: () => resolve({ rows: null }),
        doHere: () => resolve({ rows: null }),
      });
    });
  }

  private enqueue(pending: Pending): void {
    const id = this.nextId++;
    this.pending.set(id, pending);
    this.send(id, pending.job);
  }

  private parseOnThisThread(files: readonly DeliverableText[]): Promise<ParseOutcome[]> {
    this.parsedHere += 1;
    return inThreadParser.parse(files);
  }

  /** Stops the thread; a batch still pending fails. The next batch starts a new thread. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const [id, { failed }] of this.pending) {
      this.pending.delete(id);
      failed(new ParseThreadFailed(false, 'the parser was closed'));
    }
    await worker?.terminate();
  }

  private send(id: number, job: Job): void {
    const worker = this.thread();
    if (worker === null) return;
    worker.ref();
    const batch: ParseBatch = { id, ...job };
    worker.postMessage(batch);
  }

  /** The running thread, or a new one; null (and the pending batches parsed here) if none starts. */
  private thread(): Worker | null {
    if (this.worker) return this.worker;
    if (this.fallback) return null;
    let worker: Worker;
    const jobCell = newJobCell();
    try {
      worker = new Worker(this.options.entry, {
        workerData: { jobCell },
        ...(this.options.execArgv ? { execArgv: this.options.execArgv } : {}),
        resourceLimits: {
          stackSizeMb: MAIN_THREAD_STACK_MB,
          // Each file's garbage is short-lived and small: a small young generation keeps the
          // thread's memory down (24 MB less peak RSS at 1,500 repositories) at no cost in time.
          maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
          ...this.options.resourceLimits,
        },
      });
    } catch {
      this.parseHere();
      return null;
    }
    this.worker = worker;
    this.jobCell = jobCell;
    this.online = false;
    worker.on('message', (answer: ParseAnswer) => this.answered(worker, answer));
    worker.on('error', (error) => this.died(worker, error));
    worker.on('exit', (code) => this.died(worker, new Error(`it exited with code ${code}`)));
    worker.unref(); // after the listeners: adding a 'message' listener refs the thread's port
    return worker;
  }

  private answered(worker: Worker, answer: ParseAnswer): void {
    if ('ready' in answer) {
      if (this.worker === worker) this.online = true;
      return;
    }
    const pending = this.pending.get(answer.id);
    if (this.worker !== worker || pending === undefined) return;
    this.pending.delete(answer.id);
    if (this.pending.size === 0) worker.unref();
    pending.answered(answer);
  }

  private died(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    void worker.terminate();
    if (!this.online) {
      this.parseHere();
      return;
    }
    // The job it died on; else (between jobs) the oldest, so that a thread that keeps dying
    // fails every job in turn rather than taking them all to the next thread forever.
    const doing = jobIn(this.jobCell);
    const culprit = this.pending.has(doing) ? doing : this.pending.keys().next().value;
    const failing = culprit === undefined ? undefined : this.pending.get(culprit);
    if (culprit !== undefined && failing) {
      this.pending.delete(culprit);
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      failing.failed(new ParseThreadFailed(outOfMemory, error.message));
    }
    for (const [id, { job }] of this.pending) this.send(id, job);
  }

  /** No thread could start: every batch, pending and to come, is parsed on this thread. */
  private parseHere(): void {
    this.fallback = true;
    for (const [id, { doHere }] of this.pending) {
      this.pending.delete(id);
      doHere();
    }
  }
}

/**
 * The worker entry beside this module: the compiled parse-worker.js, or parse-worker.ts when
 * this module runs from source under a .ts loader that a worker inherits with the process's
 * flags (the tests' transpile hook, `node -r`). Null where no worker can load it: jest runs
 * TypeScript in its own module registry (`require.extensions` has no .ts there), so the
 * parsing stays on the calling thread.
 */
export function workerEntry(
  moduleFile: string,
  extensions: Readonly<Record<string, unknown>> | undefined,
  exists: (file: string) => boolean = existsSync,
): string | null {
  const compiled = moduleFile.endsWith('.js');
  const entry = join(moduleFile, '..', compiled ? 'parse-worker.js' : 'parse-worker.ts');
  const loadable = compiled || typeof extensions?.['.ts'] === 'function';
  return loadable && exists(entry) ? entry : null;
}

let processParser: DeliverableParser | undefined;

/** The process's parser: one worker thread for every run, or this thread where none loads. */
export function defaultParser(): DeliverableParser {
  if (processParser === undefined) {
    const entry = workerEntry(__filename, require.extensions);
    processParser =
      entry === null ? inThreadParser : new WorkerParser({ entry, hereWhileStarting: true });
  }
  return processParser;
}

/** The process's thread, to read candidates' refs on (ref-rows.ts); null where none loads. */
export function defaultRefReader(): RefRowReader | null {
  const parser = defaultParser();
  return parser instanceof WorkerParser ? parser : null;
}
