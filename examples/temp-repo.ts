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
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '--quiet', '--initial-branch=master', ...(options.bare ? ['--bare'] : []));
  const withDate = (date: string | undefined, run: () => string): string => {
    const saved = { a: process.env.GIT_AUTHOR_DATE, c: process.env.GIT_COMMITTER_DATE };
    if (date) process.env.GIT_AUTHOR_DATE = process.env.GIT_COMMITTER_DATE = date;
    try {
      return run();
    } finally {
      restore('GIT_AUTHOR_DATE', saved.a);
      restore('GIT_COMMITTER_DATE', saved.c);
    }
  };
  return {
    dir,
    git,
    write(path, content) {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    },
    commit(message, date) {
      return withDate(date, () => {
        git('add', '--all');
        git('commit', '--quiet', '--allow-empty', '-m', message);
        return git('rev-parse', 'HEAD').trim();
      });
    },
    tag(name, date, target) {
      withDate(date, () => git('tag', '-a', '-m', name, name, ...(target ? [target] : [])));
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
