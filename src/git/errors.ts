import { VmtError } from '../errors';

/** A git failure, with what git said on stderr. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(`git ${commandName(args)} failed (exit ${exitCode ?? 'signal'}): ${firstLine(stderr)}`);
    this.name = 'GitError';
  }
}

/** git did not answer in time (a hang on hostile content, a stalled network) and was stopped. */
export class GitTimeoutError extends GitError {
  constructor(args: readonly string[], ms: number) {
    super(args, `no answer within ${ms / 1000} s; stopped`, null);
    this.name = 'GitTimeoutError';
  }
}

/** git is not installed: nothing can be checked. Exit 2. */
export class GitMissingError extends VmtError {
  constructor() {
    super('git is not installed or not on PATH: vmt-oversight needs git 2.25 or later', 2);
  }
}

function commandName(args: readonly string[]): string {
  return args.find((arg) => !arg.startsWith('-')) ?? '';
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
