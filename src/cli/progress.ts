import type { MultiBar, SingleBar } from 'cli-progress';
import { clearScreenDown } from 'node:readline';
import type { ProgressEvents } from '../engine/types';
import type { CliIO } from './io';

/** The kinds of work a bar counts: git clones and fetches, remote requests, repositories judged. */
export type ProgressKind = 'fetching' | 'asking' | 'judging';

const FORMAT: Record<ProgressKind, string> = {
  fetching: 'fetching {bar} {value}/{total} repositories {item}',
  asking: 'asking   {bar} {value}/{total} requests {item}',
  judging: 'judging  {bar} {value}/{total} repositories {item}',
};

interface Counter {
  bar: SingleBar;
  total: number;
  done: number;
}

/**
 * Every bar of a run on one terminal (stderr), drawn together by one cli-progress MultiBar so
 * that two kinds of work running at once (fetching while judging) never write over each other;
 * lines said meanwhile (--verbose, warnings) are printed above the bars. Nothing on a stream
 * that is not a terminal.
 */
export class TerminalProgress {
  private multi: MultiBar | null = null;
  private readonly counters = new Map<ProgressKind, Counter>();
  /** Lines waiting for the next redraw, printed where the bars were. */
  private pending: string[] = [];

  constructor(private readonly io: CliIO) {}

  get active(): boolean {
    return this.io.stderr.isTTY === true;
  }

  /** One more unit of `kind` has begun (`total` grows); `item` is what the bar shows. */
  begin(kind: ProgressKind, item: string): void {
    const counter = this.counter(kind, 1);
    if (!counter) return;
    counter.total += 1;
    counter.bar.setTotal(counter.total);
    counter.bar.update(counter.done, { item });
  }

  /** A bar with a known total from the start (the repositories to judge). */
  expect(kind: ProgressKind, total: number): void {
    const counter = this.counter(kind, total);
    if (!counter) return;
    counter.total = total;
    counter.bar.setTotal(total);
  }

  /** One unit of `kind` has ended. */
  end(kind: ProgressKind, item: string): void {
    const counter = this.counters.get(kind);
    if (!counter) return;
    counter.done += 1;
    counter.bar.update(counter.done, { item });
  }

  /** A line on stderr, above the bars while they are drawn. */
  line(text: string): void {
    if (this.multi) this.pending.push(`${text}\n`);
    else this.io.stderr.write(`${text}\n`);
  }

  /** Clears the bars (printing any line still waiting); a later `begin` draws them anew. */
  stop(): void {
    if (!this.multi) return;
    this.multi.update();
    this.multi.stop();
    this.multi = null;
    this.counters.clear();
  }

  private counter(kind: ProgressKind, total: number): Counter | null {
    if (!this.active) return null;
    const known = this.counters.get(kind);
    if (known) return known;
    this.multi ??= newMultiBar({
      stream: this.io.stderr as NodeJS.WritableStream,
      clearOnComplete: true,
      hideCursor: true,
      autopadding: true,
    });
    // At a redraw the cursor is on the first bar: clear every bar line (not only the first, as
    // MultiBar.log does), print the waiting lines, and the bars are drawn again below them.
    this.multi.on('redraw-pre', () => {
      if (this.pending.length === 0) return;
      const stream = this.io.stderr as NodeJS.WritableStream;
      clearScreenDown(stream);
      stream.write(this.pending.join(''));
      this.pending = [];
    });
    const bar = this.multi.create(total, 0, { item: '' }, { format: FORMAT[kind] });
    const counter = { bar, total: 0, done: 0 };
    this.counters.set(kind, counter);
    return counter;
  }
}

const shared = new WeakMap<CliIO, TerminalProgress>();

/** The one set of bars of this process's terminal. */
export function terminalProgress(io: CliIO): TerminalProgress {
  let progress = shared.get(io);
  if (!progress) {
    progress = new TerminalProgress(io);
    shared.set(io, progress);
  }
  return progress;
}

/** The judging bar, only on a terminal and for two repositories or more. */
export function progressBar(io: CliIO): ProgressEvents & { stop(): void } {
  const progress = terminalProgress(io);
  let started = false;
  return {
    onStart(total) {
      if (total < 2 || !progress.active) return;
      started = true;
      progress.expect('judging', total);
    },
    onRepositoryDone(repository) {
      if (started) progress.end('judging', repository);
    },
    stop() {
      progress.stop();
    },
  };
}

/** A MultiBar, its module loaded when a bar is first drawn: most runs draw none (no terminal). */
function newMultiBar(options: ConstructorParameters<typeof MultiBar>[0]): MultiBar {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { MultiBar: MultiBarClass } = require('cli-progress') as typeof import('cli-progress');
  return new MultiBarClass(options);
}
