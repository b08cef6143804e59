/**
 * Run in a child Node process (`node -r transpile-hook.js github-read.ts '<json>'`): reads one
 * repository from a GitHub API through the real Octokit adapter, which jest cannot load, and
 * prints `{ facts }` or `{ unavailable }` as JSON on stdout.
 */
import type { Evidence, ReleasesFacts } from '../../src/evidence/types';
import { readGitHubRepository } from '../../src/sources/github/read';
import { createGitHubClient } from '../../src/sources/github/source';
import { Unavailable } from '../../src/sources/unavailable';

export interface GitHubReadRequest {
  api: string;
  repository: string;
  asOf: string;
  cacheDir: string;
  token?: string;
  offline?: boolean;
  releases: Evidence<ReleasesFacts>;
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as GitHubReadRequest;
  const net = {
    offline: request.offline === true,
    offlineBecause: '--offline',
    launchpadApi: 'http://127.0.0.1:9',
    gerrit: 'http://127.0.0.1:9',
    log: (line: string) => void process.stderr.write(`${line}\n`),
  };
  const github = {
    use: 'always' as const,
    api: request.api,
    web: 'https://github.com',
    cacheDir: request.cacheDir,
    ...(request.token ? { token: request.token } : {}),
  };
  try {
    const facts = await readGitHubRepository(request.repository, {
      client: createGitHubClient(net, github),
      asOf: request.asOf,
      graphql: request.token !== undefined,
      web: github.web,
      releases: request.releases,
    });
    process.stdout.write(JSON.stringify({ facts }));
  } catch (error) {
    if (!(error instanceof Unavailable)) throw error;
    process.stdout.write(JSON.stringify({ unavailable: error.reason }));
  }
}

void main();
