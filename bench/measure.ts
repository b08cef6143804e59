import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** What one run of a command cost: wall and CPU seconds (children included), peak RSS in MB. */
export interface Cost {
  wall: number;
  cpu: number | null;
  peakMb: number | null;
  exitCode: number;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs `node ARGS` once and measures it with GNU time (CPU and peak RSS include every child that
 * was waited for, git among them). Without GNU time only the wall time is known.
 */
export async function measure(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<Cost> {
  const dir = mkdtempSync(join(tmpdir(), 'vmt-oversight-bench-run-'));
  const timeFile = join(dir, 'time');
  const timed = existsSync(GNU_TIME);
  const command = timed ? GNU_TIME : process.execPath;
  const commandArgs = timed
    ? ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, ...args]
    : [...args];
  const started = process.hrtime.bigint();
  const { code, stderr } = await spawnQuiet(command, commandArgs, env);
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  try {
    if (code === 2 || code === null)
      throw new Error(`node ${args.join(' ')} failed (exit ${code}):\n${stderr}`);
    if (!timed) return { wall, cpu: null, peakMb: null, exitCode: code };
    const [elapsed, user, system, maxKb] = readFileSync(timeFile, 'utf8')
      .trim()
      .split('\n')
      .pop()!
      .split(' ')
      .map(Number);
    return { wall: elapsed!, cpu: user! + system!, peakMb: maxKb! / 1024, exitCode: code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function spawnQuiet(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 64_000) stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** The median wall time of `runs` starts of `node ARGS`, in milliseconds. */
export async function startupMs(args: readonly string[], runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    await spawnQuiet(process.execPath, [...args], process.env);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Git processes started: those whose arguments name `marker` (the candidate repositories), the rest. */
export interface GitProcesses {
  marked: number;
  other: number;
}

/**
 * Counts the git processes `node ARGS` starts, with a `git` on PATH that logs each start and
 * runs the real one. A separate run: the wrapper's own cost must not weigh on the timings.
 */
export async function countGitProcesses(
  args: readonly string[],
  marker: string,
): Promise<GitProcesses> {
  const dir = mkdtempSync(join(tmpdir(), 'vmt-oversight-bench-git-'));
  try {
    const log = join(dir, 'log');
    const realGit = findOnPath('git');
    const script = [
      '#!/bin/sh',
      `case "$*" in *'${marker}'*) echo r >> '${log}' ;; *) echo o >> '${log}' ;; esac`,
      `exec '${realGit}' "$@"`,
      '',
    ];
    writeFileSync(join(dir, 'git'), script.join('\n'));
    chmodSync(join(dir, 'git'), 0o755);
    writeFileSync(log, '');
    await spawnQuiet(process.execPath, [...args], {
      ...process.env,
      PATH: `${dir}${delimiter}${process.env.PATH ?? ''}`,
    });
    const lines = readFileSync(log, 'utf8').split('\n');
    return {
      marked: lines.filter((line) => line === 'r').length,
      other: lines.filter((line) => line === 'o').length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function findOnPath(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(`${name} is not on PATH`);
}
