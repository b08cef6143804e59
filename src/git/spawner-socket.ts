import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where each git's stdin and stdout meet the run: a Unix domain socket in a private directory
 * (0700, so no other user reaches it). The helper connects once per git, sends
 * `<secret> <id>\n`, and gives that connection to git as its fd 0 and 1; the run binds it to the
 * process it asked for. A connection with a wrong secret, an id not awaited (unknown, already
 * bound) or a malformed or late header is destroyed at once and reaches nothing.
 */
export interface StdioServer {
  /** What the helper is told, in its spawn messages (never in argv or an environment). */
  readonly address: { path: string; secret: string };
  /** Awaits the connection for `id`; `bind` gets it and what came after its header. */
  expect(id: number, bind: (socket: Socket, rest: Buffer) => void): void;
  /** No connection for `id` is awaited any more. */
  cancel(id: number): void;
  /** Stops listening and removes the directory. */
  close(): void;
}

/** The longest header line: 32 hex digits, a space, an id, a newline, with room to spare. */
const MAX_HEADER = 100;
const HEADER = /^([0-9a-f]{32}) (\d{1,15})\n$/;
/** A socket path must fit in sun_path (108 bytes on Linux, 104 on macOS, with its NUL). */
const MAX_PATH = 100;
/** How long a connection may take to say who it is. */
export const HEADER_TIMEOUT_MS = 5000;

/** Removes the directories of the servers still open (a run ending on a signal). */
export function removeStdioDirectories(): void {
  for (const remove of [...open]) remove();
}

const open = new Set<() => void>();

/** A listening server in a new directory under `root`, or null where there is none (Windows, a
 * path too long for a socket, an error). */
export function openStdioServer(root: string = tmpdir()): StdioServer | null {
  if (process.platform === 'win32') return null;
  let dir: string;
  try {
    dir = mkdtempSync(join(root, 'vmt-'));
  } catch {
    return null;
  }
  const remove = (): void => {
    open.delete(remove);
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Left behind (EACCES, EBUSY): never a reason to fail a run that is ending.
    }
  };
  open.add(remove);
  const path = join(dir, 's');
  if (Buffer.byteLength(path) > MAX_PATH) {
    remove();
    return null;
  }
  const secret = randomBytes(16).toString('hex');
  const awaited = new Map<number, (socket: Socket, rest: Buffer) => void>();
  const server = createServer({ allowHalfOpen: true }, (socket) =>
    identify(socket, secret, (id) => {
      const bind = awaited.get(id);
      awaited.delete(id);
      return bind;
    }),
  );
  server.on('error', () => undefined); // a failed accept: that git's output never arrives
  try {
    server.listen(path); // a Unix socket binds and listens synchronously
  } catch {
    server.close();
    remove();
    return null;
  }
  if (!server.listening) {
    server.close();
    remove();
    return null;
  }
  server.unref();
  // Nothing outlives the run: not even on an abnormal exit.
  process.on('exit', remove);
  return {
    address: { path, secret },
    expect: (id, bind) => awaited.set(id, bind),
    cancel: (id) => awaited.delete(id),
    close: () => {
      process.removeListener('exit', remove);
      awaited.clear();
      closeServer(server);
      remove();
    },
  };
}

function closeServer(server: Server): void {
  try {
    server.close();
  } catch {
    // already closed
  }
}

/** Reads a connection's header; binds it if it names an awaited id with the secret. */
function identify(
  socket: Socket,
  secret: string,
  take: (id: number) => ((socket: Socket, rest: Buffer) => void) | undefined,
): void {
  socket.unref(); // an unidentified connection holds nothing open
  let header = Buffer.alloc(0);
  let bound = false;
  const refuse = (): void => {
    clearTimeout(timer);
    if (!bound) socket.destroy();
  };
  // On expiry, what already arrived is read first (I/O runs after timers in a loop turn).
  const timer = setTimeout(() => setImmediate(refuse), HEADER_TIMEOUT_MS);
  timer.unref();
  socket.on('error', refuse);
  const read = (chunk: Buffer): void => {
    header = Buffer.concat([header, chunk]);
    const end = header.indexOf(0x0a);
    if (end < 0) {
      if (header.length >= MAX_HEADER) refuse();
      return;
    }
    if (end >= MAX_HEADER) return refuse();
    const id = parseHeader(header.subarray(0, end + 1), secret);
    const bind = id === null ? undefined : take(id);
    if (bind === undefined) return refuse();
    bound = true;
    clearTimeout(timer);
    socket.removeListener('data', read);
    socket.removeListener('error', refuse);
    socket.removeListener('end', refuse);
    socket.ref();
    bind(socket, header.subarray(end + 1));
  };
  socket.on('data', read);
  socket.on('end', refuse);
}

function parseHeader(line: Buffer, secret: string): number | null {
  const match = HEADER.exec(line.toString('latin1'));
  if (match === null) return null;
  const given = Buffer.from(match[1]!, 'latin1');
  const expected = Buffer.from(secret, 'latin1');
  if (!timingSafeEqual(given, expected)) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? id : null;
}
