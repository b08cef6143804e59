import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';

export interface LockOptions {
  /** Give up waiting after this long. */
  waitMs: number;
  /** A lock older than this is someone's crash, whatever its owner. */
  staleMs: number;
  /** Told once when the lock is held by another run. */
  onWait?: (holder: string) => void;
}

export const DEFAULT_LOCK_OPTIONS: LockOptions = {
  waitMs: 15 * 60 * 1000,
  staleMs: 30 * 60 * 1000,
};

/** Another run held the lock for longer than we were willing to wait. */
export class LockTimeoutError extends Error {
  constructor(path: string, holder: string) {
    super(`${path} is held by ${holder || 'another run'}; gave up waiting`);
    this.name = 'LockTimeoutError';
  }
}

interface Holder {
  pid: number;
  host: string;
  started: number;
}

/**
 * Runs `work` holding `path` (created exclusively, removed after). A lock whose process is gone
 * (same host) or that is older than `staleMs` is taken over; otherwise we wait and retry.
 */
export async function withLock<T>(
  path: string,
  work: () => Promise<T>,
  options: LockOptions = DEFAULT_LOCK_OPTIONS,
): Promise<T> {
  const started = Date.now();
  let told = false;
  const me: Holder = { pid: process.pid, host: hostname(), started };
  for (let delay = 25; ; delay = Math.min(delay * 2, 500)) {
    if (await tryCreate(path, me)) break;
    const holder = await readHolder(path);
    if (holder === null || isStale(holder, options.staleMs)) {
      await fs.rm(path, { force: true });
      continue;
    }
    const who = `process ${holder.pid} on ${holder.host}`;
    if (!told) options.onWait?.(who);
    told = true;
    if (Date.now() - started > options.waitMs) throw new LockTimeoutError(path, who);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  try {
    return await work();
  } finally {
    await fs.rm(path, { force: true });
  }
}

async function tryCreate(path: string, me: Holder): Promise<boolean> {
  try {
    await fs.writeFile(path, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The holder, or null for a lock file that is unreadable or half-written for a while. */
async function readHolder(path: string): Promise<Holder | null> {
  try {
    const stats = await fs.lstat(path);
    const text = await fs.readFile(path, 'utf8');
    const data = JSON.parse(text) as Partial<Holder>;
    if (typeof data.pid === 'number' && typeof data.host === 'string') {
      return { pid: data.pid, host: data.host, started: data.started ?? stats.mtimeMs };
    }
    return Date.now() - stats.mtimeMs > 2000 ? null : { pid: 0, host: '?', started: Date.now() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { pid: 0, host: '?', started: Date.now() };
    return null;
  }
}

function isStale(holder: Holder, staleMs: number): boolean {
  if (holder.pid === 0) return false;
  if (Date.now() - holder.started > staleMs) return true;
  return holder.host === hostname() && !processAlive(holder.pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
