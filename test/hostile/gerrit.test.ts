/**
 * Threat: the Gerrit server (or whatever answers at its address) is hostile. Its answers must
 * never read as consent (check --gerrit) or success (vote), never hang the run, never receive
 * credentials over plain http or through a redirect, and never put control characters on a
 * terminal. Each test runs a real HTTP server on 127.0.0.1 that refuses any request it was not
 * told to expect.
 */
import { resolve } from 'node:path';
import { Agent, type Dispatcher } from 'undici';
import type { CliIO } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { Credentials } from '../../src/gerrit/credentials';
import { GerritError } from '../../src/gerrit/errors';
import { send } from '../../src/gerrit/http';
import { gerritChangeSource } from '../../src/sources/gerrit-change';
import { runVote } from '../../src/vote/flow';
import { fakeAccount, fakeChange, PROPOSER, type Reply } from '../helpers/gerrit-model';
import { startFakeGerrit, type FakeGerrit } from '../helpers/gerrit-server';
import { createTempRepo, type TempRepo } from '../helpers/temp-git';
import { finding, report } from '../zuul/report-fixture';

const USER = 'vmt-voter';
const PASSWORD = 'Hk2-keep-this-out-of-logs';
const ENV = { GERRIT_USERNAME: USER, GERRIT_PASSWORD: PASSWORD };
const GOVERNANCE = resolve(__dirname, '../fixtures/data/governance');
const OPTIONS = ['CURRENT_REVISION', 'CURRENT_FILES', 'DETAILED_LABELS', 'DETAILED_ACCOUNTS'];
const READ = `/changes/912345?${OPTIONS.map((o) => `o=${o}`).join('&')}`;
const VOTE_READ = `/a${READ}&o=MESSAGES`;
/** The ironic security liaison in the governance fixture: their +1 is team consent for sushy. */
const LIAISON = fakeAccount(2001, 'ira', 'Ira Guard');
const BASE = 'repositories:\n  - name: openstack/alpha\n';
const HEAD = `${BASE}  - name: openstack/sushy\n`;
const BOUND_MS = 10_000;
// C0 but tab and newline, DEL, C1, and the bidirectional and other format controls.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}]/u;
const HOSTILE_TEXT =
  'denied\u001b[2J\u001b]0;pwned\u0007\u009b31m \u202egnp.exe\nvmt-oversight: PASS';

type Json = Record<string, unknown>;

interface Result {
  status: number;
  stdout: string;
  stderr: string;
  ms: number;
}

async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    // Nothing but the local Gerrit: no git cache, no Launchpad or Gerrit-group requests.
    env: {
      NO_COLOR: '1',
      HOME: cwd,
      VMT_OVERSIGHT_OFFLINE: '1',
      VMT_OVERSIGHT_NO_CACHE: '1',
      ...env,
    },
    cwd,
    today: () => '2026-06-01',
  };
  const started = Date.now();
  const status = await run(args, io);
  return { status, stdout, stderr, ms: Date.now() - started };
}

async function elapsed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

async function rejection(promise: Promise<unknown>): Promise<GerritError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GerritError) return error;
    throw error;
  }
  throw new Error('expected a GerritError');
}

let repo: TempRepo;
let head: string;
let gerrit: FakeGerrit;
/** Another origin: a redirect's target. It expects nothing, so any request to it fails verify(). */
let elsewhere: FakeGerrit;

beforeEach(async () => {
  repo = createTempRepo();
  repo.write('repos-overseen.yaml', BASE);
  repo.commit('Add list', '2026-05-01T00:00:00Z');
  repo.write('repos-overseen.yaml', HEAD);
  head = repo.commit('Propose sushy', '2026-05-02T00:00:00Z');
  // Proposed by someone else, approved by the team's security liaison: consent, if believed.
  gerrit = await startFakeGerrit({
    changes: [
      fakeChange({
        revisions: [{ sha: head, number: 1, uploader: PROPOSER, files: ['repos-overseen.yaml'] }],
        codeReview: [{ account: LIAISON, value: 1 }],
      }),
    ],
    users: [{ username: USER, password: PASSWORD }],
  });
  elsewhere = await startFakeGerrit({ changes: [] });
});

afterEach(async () => {
  elsewhere.verify();
  await Promise.all([gerrit.close(), elsewhere.close()]);
  repo.cleanup();
});

/** The honest answer to the read, as JSON to tamper with. */
function honest(options: string[] = OPTIONS): Json {
  return structuredClone(gerrit.model.getChange('912345', options).json) as Json;
}

function withVote(change: Json, value: number): Json {
  const labels = change.labels as Record<string, { all: Json[] }>;
  labels['Code-Review'] = { all: [{ ...LIAISON, value }] };
  return change;
}

function rawJson(text: string): Reply {
  return { status: 200, json: {}, hostile: { kind: 'raw', body: text } };
}

/** Hostile answers to the read of change 912345, each of which the old code believed or hung on. */
function hostileAnswers(options: string[]): [string, () => Reply][] {
  return [
    ["valid JSON without the )]}' line", () => rawJson(JSON.stringify(honest(options)))],
    ['an HTML page with status 200', () => rawJson('<html><body>Sign in</body></html>')],
    [
      'JSON nested 100 000 levels deep',
      () => {
        const text = JSON.stringify(honest(options));
        const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
        return rawJson(`)]}'\n${text.slice(0, -1)},"x":${deep}}`);
      },
    ],
    ['a Code-Review vote of +1e20', () => ({ status: 200, json: withVote(honest(options), 1e20) })],
    [
      'a change number of 1e400',
      () =>
        rawJson(
          `)]}'\n${JSON.stringify(honest(options)).replace('"_number":912345', '"_number":1e400')}`,
        ),
    ],
    [
      'a current_revision of "constructor"',
      () => ({ status: 200, json: { ...honest(options), current_revision: 'constructor' } }),
    ],
    [
      'an owner that is a string',
      () => ({ status: 200, json: { ...honest(options), owner: 'ira' } }),
    ],
    [
      'the answer for another change',
      () => ({ status: 200, json: { ...honest(options), _number: 912346 } }),
    ],
    [
      'a 9 MiB answer',
      () => ({ status: 200, json: { ...honest(options), padding: 'x'.repeat(9 * 1024 * 1024) } }),
    ],
    [
      'an endless answer without Content-Length',
      () => ({ status: 200, json: {}, hostile: { kind: 'flood', chunk: 'x'.repeat(65536) } }),
    ],
    [
      'a redirect to another origin',
      () => ({ status: 302, text: 'moved', headers: { location: `${elsewhere.url}${READ}` } }),
    ],
    ['an error page full of escape sequences', () => ({ status: 404, text: HOSTILE_TEXT })],
    [
      'an endless error page',
      () => ({ status: 404, hostile: { kind: 'flood', chunk: `${HOSTILE_TEXT} `.repeat(1000) } }),
    ],
  ];
}

function teamConsentFindings(stdout: string): Json[] {
  const findings = (JSON.parse(stdout) as { findings: Json[] }).findings;
  return findings.filter(
    (f) =>
      f.rule === 'team-consent' ||
      (f.rule === 'evidence-unavailable' && (f.evidence as Json).rule === 'team-consent'),
  );
}

describe('check --gerrit: a hostile answer never reads as team consent', () => {
  const check = (format = 'json') =>
    cli(
      [
        'check',
        '--repo',
        repo.dir,
        '--gerrit',
        gerrit.url,
        '--change',
        '912345',
        '--governance',
        GOVERNANCE,
        '--format',
        format,
      ],
      repo.dir,
    );

  it('reads consent from the honest answer (the baseline the attacks imitate)', async () => {
    gerrit.expect({ method: 'GET', path: READ });
    const result = await check();
    gerrit.verify();
    expect(teamConsentFindings(result.stdout)).toEqual([]);
  });

  it.each(hostileAnswers(OPTIONS))(
    'makes team-consent evidence-unavailable on %s',
    async (_name, answer) => {
      gerrit.expect({ method: 'GET', path: READ, reply: answer() });
      const result = await check();
      gerrit.verify();
      expect(result.ms).toBeLessThan(BOUND_MS);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(3);
      expect(teamConsentFindings(result.stdout)).toEqual([
        expect.objectContaining({
          rule: 'evidence-unavailable',
          evidence: expect.objectContaining({ rule: 'team-consent', source: 'gerrit' }),
        }),
      ]);
    },
  );

  it('shows a hostile error body escaped on the terminal', async () => {
    gerrit.expect({ method: 'GET', path: READ, reply: { status: 404, text: HOSTILE_TEXT } });
    const result = await check('text');
    gerrit.verify();
    expect(result.stdout).toContain('denied\\u{1b}[2J');
    expect(result.stdout).toContain('\\u{202e}gnp.exe');
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stdout).not.toMatch(/^vmt-oversight: PASS/m);
  });

  it('shows hostile account names escaped on the terminal', async () => {
    const change = withVote(honest(), 1);
    const all = (change.labels as Record<string, { all: Json[] }>)['Code-Review']?.all ?? [];
    all.push({ ...fakeAccount(2002, 'eve', `Eve\u001b[1A\u001b[2K\u202e`), value: -1 });
    change.owner = { ...(change.owner as Json), name: `Pro\u009b2J\u2066Poser` };
    gerrit.expect({ method: 'GET', path: READ, reply: { status: 200, json: change } });
    const result = await check('text');
    gerrit.verify();
    expect(result.stdout).not.toMatch(RAW_CONTROL);
  });

  it('cuts off a server that trickles its answer, at the default deadline', async () => {
    gerrit.expect({
      method: 'GET',
      path: READ,
      reply: { status: 200, json: honest(), hostile: { kind: 'trickle', everyMs: 1000 } },
    });
    const { value, ms } = await elapsed(() =>
      gerritChangeSource({ gerrit: gerrit.url, change: '912345' })(),
    );
    gerrit.verify();
    expect(ms).toBeLessThan(BOUND_MS);
    expect(value).toEqual({
      status: 'unavailable',
      source: 'gerrit',
      reason:
        '127.0.0.1 gave no complete answer within 8 s to read change 912345: the request was cut off',
    });
  }, 15_000);

  it.each([
    ['trickles its status line and headers', { kind: 'trickle-headers' as const, everyMs: 200 }],
    ['never answers', { kind: 'silent' as const }],
  ])('cuts off a server that %s', async (_name, hostile) => {
    gerrit.expect({ method: 'GET', path: READ, reply: { status: 200, hostile } });
    const source = gerritChangeSource({
      gerrit: gerrit.url,
      change: '912345',
      transport: { deadlineMs: 1500 },
    });
    const { value, ms } = await elapsed(source);
    gerrit.verify();
    expect(ms).toBeLessThan(BOUND_MS);
    expect(value).toMatchObject({
      status: 'unavailable',
      reason: expect.stringContaining('1.5 s'),
    });
  });

  it('does not wait the 30 s a hostile Retry-After asks for', async () => {
    gerrit.expect({
      method: 'GET',
      path: READ,
      reply: { status: 503, text: 'busy', headers: { 'retry-after': '30' } },
    });
    const { value, ms } = await elapsed(() =>
      gerritChangeSource({ gerrit: gerrit.url, change: '912345' })(),
    );
    gerrit.verify();
    expect(ms).toBeLessThan(BOUND_MS);
    expect(value).toMatchObject({
      status: 'unavailable',
      reason: expect.stringContaining('not tried again: waiting 30 s would pass the 8 s deadline'),
    });
  });
});

describe('vote: a hostile answer is a Gerrit error, and nothing is posted', () => {
  const vote = (args: string[] = [], env: NodeJS.ProcessEnv = ENV) =>
    cli(['vote', '--gerrit', gerrit.url, '--change', '912345', ...args], repo.dir, env);

  it.each(hostileAnswers([...OPTIONS, 'MESSAGES']))(
    'refuses %s with exit 2',
    async (_name, answer) => {
      gerrit.expect({ method: 'GET', path: VOTE_READ, reply: answer() });
      const result = await vote();
      gerrit.verify();
      expect(result.ms).toBeLessThan(BOUND_MS);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^vmt-oversight: /);
      expect(result.stderr).not.toMatch(RAW_CONTROL);
      expect(result.stderr).not.toContain(PASSWORD);
      expect(gerrit.model.applied).toEqual([]);
      expect(gerrit.requests.map((r) => r.method)).toEqual(['GET']);
    },
  );

  it('does not follow a redirect, so the credentials stay with the origin they were for', async () => {
    gerrit.expect({
      method: 'GET',
      path: VOTE_READ,
      reply: { status: 307, text: '', headers: { location: `${elsewhere.url}${VOTE_READ}` } },
    });
    const result = await vote();
    gerrit.verify();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('(HTTP 307, a redirect to http://127.0.0.1:');
    expect(result.stderr).toContain('redirects are not followed');
    expect(elsewhere.requests).toEqual([]);
  });

  it('calls a review answer without )]}\' no success: exit 2, "may have been posted"', async () => {
    const review = `/a/changes/openstack%2Fossa~912345/revisions/${head}/review`;
    gerrit.expect(
      { method: 'GET', path: VOTE_READ },
      {
        method: 'POST',
        path: review,
        reply: { ...rawJson('{"labels":{"Verified":1}}'), apply: true },
      },
    );
    const result = await vote(['--governance', GOVERNANCE]);
    gerrit.verify();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('does not start with )]}');
    expect(result.stderr).toContain('The review may or may not have been posted');
    expect(result.stdout).not.toContain('Posted the review');
  });

  it('escapes a hostile project name in what it prints', async () => {
    const project = 'openstack/ossa\u001b[8m\u202e';
    const review = `/a/changes/${encodeURIComponent(project)}~912345/revisions/${head}/review`;
    const answer = { ...honest([...OPTIONS, 'MESSAGES']), project };
    gerrit.expect(
      { method: 'GET', path: VOTE_READ, reply: { status: 200, json: answer } },
      { method: 'POST', path: review, reply: { status: 200, json: { labels: { Verified: 0 } } } },
    );
    const result = await vote(['--governance', GOVERNANCE]);
    gerrit.verify();
    expect(result.stdout).toContain('/c/openstack/ossa\\u{1b}[8m\\u{202e}/+/912345');
    expect(result.stdout).not.toMatch(RAW_CONTROL);
  });

  it('gives up on a trickled review answer and a trickled read-back within the bound, posting once', async () => {
    const review = `/a/changes/openstack%2Fossa~912345/revisions/${head}/review`;
    const trickle = { kind: 'trickle' as const, everyMs: 500 };
    gerrit.expect(
      { method: 'GET', path: VOTE_READ },
      {
        method: 'POST',
        path: review,
        reply: { status: 200, json: {}, hostile: trickle, apply: true },
      },
      {
        method: 'GET',
        path: '/a/changes/openstack%2Fossa~912345?o=MESSAGES',
        reply: { status: 200, json: {}, hostile: trickle },
      },
    );
    const { value: error, ms } = await elapsed(() =>
      rejection(
        runVote(
          {
            gerrit: gerrit.url,
            change: '912345',
            label: 'Verified',
            notify: 'OWNER',
            dryRun: false,
            check: { repo: repo.dir, sources: { asOf: '2026-06-01' } },
            env: ENV,
            home: repo.dir,
          },
          {
            runCheck: () => Promise.resolve(report([finding({ line: 2 })])),
            transport: { deadlineMs: 1500 },
          },
        ),
      ),
    );
    gerrit.verify();
    expect(ms).toBeLessThan(BOUND_MS);
    expect(error.kind).toBe('outcome-unknown');
    expect(error.message).toContain('no complete answer within 1.5 s');
    expect(error.message).toContain('reading the change back failed');
    expect(gerrit.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});

describe('credentials never cross the network in clear', () => {
  it('refuses http://review.example.org with credentials configured: exit 2, no request', async () => {
    const result = await cli(
      ['vote', '--gerrit', 'http://review.example.org', '--change', '912345', '--repo', repo.dir],
      repo.dir,
      ENV,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'vmt-oversight: --gerrit: http://review.example.org is plain http, so the credentials from ' +
        'the environment (GERRIT_PASSWORD) would cross the network readable by anyone on the ' +
        'path. They are sent only over https (or plain http to this machine: localhost, ' +
        '127.0.0.0/8, ::1): use https://review.example.org, or an SSH tunnel to localhost. ' +
        'Nothing was sent.\n',
    );
  });

  it('refuses the netrc line for review.example.org over http too', async () => {
    repo.write('.netrc', `machine review.example.org login ${USER} password ${PASSWORD}\n`);
    const result = await cli(
      ['vote', '--gerrit', 'http://review.example.org/r', '--change', '1', '--dry-run'],
      repo.dir,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('the credentials from ~/.netrc (machine review.example.org)');
    expect(result.stderr).not.toContain(PASSWORD);
  });

  it('still sends netrc credentials over http to loopback, on the port the line names', async () => {
    repo.write(
      '.netrc',
      `machine 127.0.0.1 login wrong password wrong\n` +
        `machine 127.0.0.1:${new URL(gerrit.url).port} login ${USER} password ${PASSWORD}\n`,
    );
    gerrit.expect({ method: 'GET', path: VOTE_READ });
    const result = await cli(
      ['vote', '--gerrit', gerrit.url, '--change', '912345', '--dry-run'],
      repo.dir,
    );
    gerrit.verify();
    expect(result.stderr).toContain('dry run: would post to change 912345');
    expect(gerrit.requests[0]?.user).toEqual({ username: USER, password: PASSWORD });
  });

  it('has the transport itself refuse Basic auth over plain http, before dispatching', async () => {
    const dispatched: string[] = [];
    class Recorder extends Agent {
      override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandlers) {
        dispatched.push(`${String(options.origin)}${options.path}`);
        return super.dispatch(options, handler);
      }
    }
    const error = await rejection(
      send(
        {
          method: 'GET',
          url: 'http://review.example.org/a/changes/1',
          credentials: new Credentials(USER, PASSWORD, 'the environment (GERRIT_PASSWORD)'),
          context: { operation: 'read change 1', host: 'review.example.org' },
        },
        { dispatcher: new Recorder() },
      ),
    );
    expect(error.kind).toBe('credentials');
    expect(error.message).toContain('refusing to send credentials to http://review.example.org');
    expect(dispatched).toEqual([]);
  });
});
