import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A real git repository in a temporary directory (the example world and the tests). */
export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  write(path: string, content: string | Buffer): void;
  /** Stage everything and commit; returns the new commit's sha. `date` is ISO 8601. */
  commit(message: string, date?: string): string;
  /** Annotated tag at HEAD (or `target`) with the given tagger date. */
  tag(name: string, date: string, target?: string): void;
  cleanup(): void;
}

export function createTempRepo(options: { bare?: boolean; prefix?: string } = {}): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), options.prefix ?? 'vmt-oversight-test-'));
  const repo = tempRepoAt(dir);
  repo.git('init', '--quiet', '--initial-branch=master', ...(options.bare ? ['--bare'] : []));
  return repo;
}

/** The same helpers for an existing repository at `dir` (a clone made by a test). */
export function tempRepoAt(dir: string): TempRepo {
  // The environment is passed explicitly: jest gives each test file its own copy of process.env,
  // which child processes would not otherwise see.
  const run = (args: string[], date?: string): string =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: date ? { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : process.env,
    });
  const git = (...args: string[]): string => run(args);
  return {
    dir,
    git,
    write(path, content) {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    },
    commit(message, date) {
      run(['add', '--all']);
      run(['commit', '--quiet', '--allow-empty', '-m', message], date);
      return git('rev-parse', 'HEAD').trim();
    },
    tag(name, date, target) {
      run(['tag', '-a', '-m', name, name, ...(target ? [target] : [])], date);
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
