import { spawn } from 'node:child_process';

/** A git failure, with what git said on stderr. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    exitCode: number | null,
  ) {
    super(`git ${args[0] ?? ''} failed (exit ${exitCode ?? 'signal'}): ${firstLine(stderr)}`);
    this.name = 'GitError';
  }
}

/** Runs git commands against one repository, counting the calls. */
export interface Git {
  readonly gitDir: string;
  run(args: readonly string[], input?: string): Promise<Buffer>;
  calls(): number;
}

/** Counts git calls across several Git instances (for the benchmark and progress). */
export interface GitCallCounter {
  count: number;
}

// Variables git inherits from a calling hook or shell that would redirect it elsewhere.
const REDIRECTING_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
  'GIT_REPLACE_REF_BASE',
];

function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of REDIRECTING_VARIABLES) delete env[name];
  return { ...env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
}

/** A Git bound to an explicit git directory, so git never searches parent directories. */
export function createGit(gitDir: string, counter?: GitCallCounter): Git {
  let calls = 0;
  const env = gitEnvironment();
  return {
    gitDir,
    calls: () => calls,
    run(args, input) {
      calls += 1;
      if (counter) counter.count += 1;
      const fullArgs = ['--git-dir', gitDir, '--no-replace-objects', ...args];
      return new Promise<Buffer>((resolve, reject) => {
        const child = spawn('git', fullArgs, { env, stdio: ['pipe', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
        child.on('error', reject);
        child.on('close', (code) => {
          if (code === 0) resolve(Buffer.concat(out));
          else reject(new GitError(args, Buffer.concat(err).toString('utf8'), code));
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(input ?? '');
      });
    },
  };
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
