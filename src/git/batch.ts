import type { GitObject } from './cat-file';
import type { GitChild } from './child';
import { GitError, GitMissingError, GitTimeoutError } from './errors';

/** An object named by a candidate repository is bigger than the caller's cap; nothing was read. */
export class ObjectTooLargeError extends GitError {
  constructor(
    readonly spec: string,
    readonly size: number,
    readonly cap: number,
  ) {
    super(['cat-file', '--batch'], `${spec} is ${size} bytes, over the ${cap}-byte cap`, null);
    this.name = 'ObjectTooLargeError';
  }
}

/**
 * One `git cat-file --batch` process asked for objects in turn: a tree read, then the subtrees
 * and blobs it names, without a process per step. Every answer is bounded before it is taken in:
 * its header gives its size, and an object over the caller's cap ends the session (git is killed,
 * the rest is never read). Only object ids and `<id>^{tree}` are accepted as names.
 */
export interface CatFileBatch {
  /**
   * The objects in order, null for a missing one. Each may be at most `maxBytes`, all of them
   * together at most `totalBytes`; throws ObjectTooLargeError, GitError.
   */
  read(
    specs: readonly string[],
    maxBytes: number,
    totalBytes?: number,
  ): Promise<(GitObject | null)[]>;
  /** Ends the process and frees its slot; safe to call more than once. */
  close(): void;
}

export interface BatchSettings {
  /** Starts the process once a slot is free; called at most once. */
  start(): Promise<GitChild>;
  /** Frees the slot. */
  release(): void;
  idleMs: number;
  maxOutputBytes: number;
  /** How long a git that answered everything may take to end at end of its input (2 s). */
  lingerMs?: number;
}

const DEFAULT_LINGER_MS = 2000;

const SPEC = /^[0-9a-f]{40}([0-9a-f]{24})?(\^\{tree\})?$/;
const MAX_HEADER_BYTES = 256;
const ARGS = ['cat-file', '--batch'] as const;

const sessionClosed = (): GitError => new GitError([...ARGS], 'the session is closed', null);

interface Pending {
  spec: string;
  maxBytes: number;
  budget: { left: number };
  resolve(object: GitObject | null): void;
  reject(error: Error): void;
}

export function catFileBatch(settings: BatchSettings): CatFileBatch {
  let child: Promise<GitChild> | null = null;
  let failure: Error | null = null;
  let closed = false;
  let buffer: Buffer = Buffer.alloc(0);
  let received = 0;
  let timer: NodeJS.Timeout | null = null;
  const queue: Pending[] = [];
  let stderr = '';

  const fail = (error: Error): void => {
    failure ??= error;
    for (const waiting of queue.splice(0)) waiting.reject(failure);
    close();
  };

  const arm = (): void => {
    if (timer) clearTimeout(timer);
    timer =
      queue.length > 0
        ? setTimeout(() => fail(new GitTimeoutError([...ARGS], settings.idleMs)), settings.idleMs)
        : null;
  };

  /** Takes every complete answer off the front of the buffer. */
  const drain = (): void => {
    while (queue.length > 0 && failure === null) {
      const waiting = queue[0]!;
      const end = buffer.indexOf(0x0a);
      if (end < 0) {
        if (buffer.length > MAX_HEADER_BYTES) fail(new GitError([...ARGS], 'garbled answer', null));
        return;
      }
      const header = buffer.toString('utf8', 0, end);
      if (isAbsent(header, waiting.spec)) {
        buffer = buffer.subarray(end + 1);
        queue.shift();
        waiting.resolve(null);
        continue;
      }
      const match = objectHeader(header);
      if (!match)
        return fail(new GitError([...ARGS], `unexpected answer for ${waiting.spec}`, null));
      const size = match.size;
      const cap = Math.min(waiting.maxBytes, waiting.budget.left);
      if (size > cap) return fail(new ObjectTooLargeError(waiting.spec, size, cap));
      if (buffer.length < end + 1 + size + 1) return;
      const content = Buffer.from(buffer.subarray(end + 1, end + 1 + size));
      buffer = buffer.subarray(end + 1 + size + 1);
      queue.shift();
      waiting.budget.left -= size;
      waiting.resolve({ type: match.type, content });
    }
  };

  const begin = (): Promise<GitChild> => {
    child ??= settings.start().then((process) => {
      process.stdout.on('data', (chunk: Buffer) => {
        // Failed or closed: what git still sends (the rest of an object refused as too big) is
        // not kept, and not concatenated.
        if (closed || failure) return;
        received += chunk.length;
        if (received > settings.maxOutputBytes) {
          fail(
            new GitError([...ARGS], `output over ${settings.maxOutputBytes} bytes; stopped`, null),
          );
          return;
        }
        buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
        drain();
        arm();
      });
      process.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < 4096) stderr += chunk.toString('utf8');
      });
      process.stdin.on('error', () => undefined);
      process.on('error', (error: NodeJS.ErrnoException) =>
        fail(error.code === 'ENOENT' ? new GitMissingError() : error),
      );
      process.on('close', (code) => {
        if (!closed) fail(new GitError([...ARGS], stderr || 'git ended early', code));
      });
      if (closed) process.kill('SIGKILL');
      return process;
    });
    return child;
  };

  /**
   * A git that answered everything ends by itself at the end of its input, as cat-file does: it
   * is killed only if it lingers, so an ordinary session costs no kill. One that failed, or still
   * owes answers, is killed at once (the rest of an object refused as too big is never sent).
   */
  function close(): void {
    if (closed) return;
    closed = true;
    if (timer) clearTimeout(timer);
    const answered = failure === null && queue.length === 0 && buffer.length === 0;
    // Reads still owed an answer fail: git is killed below, and its end is not a failure now.
    for (const waiting of queue.splice(0)) waiting.reject(sessionClosed());
    void child?.then((process) => {
      process.stdin.end();
      if (process.exitCode !== null) return;
      if (!answered) {
        process.kill('SIGKILL');
        return;
      }
      const linger = setTimeout(
        () => process.kill('SIGKILL'),
        settings.lingerMs ?? DEFAULT_LINGER_MS,
      );
      linger.unref();
      process.on('close', () => clearTimeout(linger));
    });
    settings.release();
  }

  return {
    async read(specs, maxBytes, totalBytes = Number.MAX_SAFE_INTEGER) {
      const bad = specs.find((spec) => !SPEC.test(spec));
      if (bad !== undefined) throw new GitError([...ARGS], `not an object name: ${bad}`, null);
      if (failure) throw failure;
      if (closed) throw sessionClosed();
      const process = await begin();
      if (failure) throw failure;
      if (closed) throw sessionClosed();
      const budget = { left: totalBytes };
      const answers = specs.map(
        (spec) =>
          new Promise<GitObject | null>((resolve, reject) => {
            queue.push({ spec, maxBytes, budget, resolve, reject });
          }),
      );
      process.stdin.write(specs.map((spec) => `${spec}\n`).join(''));
      arm();
      drain();
      return Promise.all(answers);
    },
    close,
  };
}

/** `<spec> missing` or `<spec> ambiguous`: git has no (single) object of that name. */
function isAbsent(header: string, spec: string): boolean {
  if (!header.startsWith(spec) || header.charCodeAt(spec.length) !== SPACE) return false;
  const rest = header.length - spec.length - 1;
  return (rest === 7 && header.endsWith('missing')) || (rest === 9 && header.endsWith('ambiguous'));
}

const TYPES = ['blob', 'tree', 'commit', 'tag'] as const;

/**
 * An object's header line, as `^[0-9a-f]{40,64} (blob|tree|commit|tag) (\d{1,15})$` reads it,
 * scanned by hand; null for anything else (a character outside ASCII is none of those it takes).
 */
export function objectHeader(header: string): { type: string; size: number } | null {
  const first = header.indexOf(' ');
  if (first < 40 || first > 64 || !hexRun(header, 0, first)) return null;
  const second = header.indexOf(' ', first + 1);
  if (second < 0) return null;
  const type = TYPES.find(
    (name) => name.length === second - first - 1 && header.startsWith(name, first + 1),
  );
  const digits = header.length - second - 1;
  if (type === undefined || digits < 1 || digits > 15) return null;
  for (let at = second + 1; at < header.length; at++) {
    const code = header.charCodeAt(at);
    if (code < 0x30 || code > 0x39) return null;
  }
  return { type, size: Number(header.slice(second + 1)) };
}

const SPACE = 0x20;

/** Whether `text[start, end)` is all lower-case hex digits. */
function hexRun(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (!((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66))) return false;
  }
  return true;
}
