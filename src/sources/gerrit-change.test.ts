import { fakeChange, fakeAccount, PTL } from '../../test/helpers/gerrit-model';
import { startFakeGerrit, type FakeGerrit } from '../../test/helpers/gerrit-server';
import { UsageError } from '../errors';
import { gerritChangeSource } from './gerrit-change';

const READ =
  '/changes/912345?o=CURRENT_REVISION&o=CURRENT_FILES&o=DETAILED_LABELS&o=DETAILED_ACCOUNTS';
const SHA = 'e'.repeat(40);
const UPLOADER = fakeAccount(1003, 'uploader', 'Up Loader');

let gerrit: FakeGerrit;

beforeEach(async () => {
  gerrit = await startFakeGerrit({
    changes: [
      fakeChange({
        revisions: [
          { sha: 'd'.repeat(40), number: 1, uploader: PTL, files: ['repos-overseen.yaml'] },
          { sha: SHA, number: 2, uploader: UPLOADER, files: ['repos-overseen.yaml'] },
        ],
        codeReview: [
          { account: PTL, value: 1 },
          { account: fakeAccount(1004, 'core', 'Co Re'), value: 0 },
        ],
      }),
    ],
  });
});

afterEach(async () => {
  gerrit.verify();
  await gerrit.close();
});

const noWait = { sleep: async () => undefined };

describe('gerritChangeSource', () => {
  it('reads the change once, anonymously, into ChangeFacts', async () => {
    gerrit.expect({ method: 'GET', path: READ });
    const source = gerritChangeSource({ gerrit: gerrit.url, change: '912345', transport: noWait });
    const [first, second] = await Promise.all([source(), source()]);
    expect(second).toBe(first);
    expect(first).toEqual({
      status: 'available',
      value: {
        number: 912345,
        project: 'openstack/ossa',
        status: 'NEW',
        currentRevision: SHA,
        owner: {
          accountId: 1001,
          name: 'Pro Poser',
          email: 'proposer@example.org',
          username: 'proposer',
        },
        uploader: {
          accountId: 1003,
          name: 'Up Loader',
          email: 'uploader@example.org',
          username: 'uploader',
        },
        codeReview: [
          {
            account: {
              accountId: 1002,
              name: 'Pat Lead',
              email: 'ptl@example.org',
              username: 'ptl',
            },
            value: 1,
          },
        ],
        url: `${gerrit.url}/c/openstack/ossa/+/912345`,
      },
    });
    expect(gerrit.requests.map((r) => r.headers.authorization)).toEqual([undefined]);
  });

  it('never uses credentials, even when the environment has some', async () => {
    process.env.GERRIT_USERNAME = 'bot';
    process.env.GERRIT_PASSWORD = 'secret';
    try {
      gerrit.expect({ method: 'GET', path: READ });
      await gerritChangeSource({ gerrit: gerrit.url, change: '912345', transport: noWait })();
      expect(gerrit.requests[0]?.path.startsWith('/a/')).toBe(false);
      expect(gerrit.requests[0]?.headers.authorization).toBeUndefined();
    } finally {
      delete process.env.GERRIT_USERNAME;
      delete process.env.GERRIT_PASSWORD;
    }
  });

  it("makes a failed read unavailable evidence with Gerrit's reason", async () => {
    gerrit.expect({
      method: 'GET',
      path: READ.replace('912345', '1'),
    });
    const evidence = await gerritChangeSource({
      gerrit: gerrit.url,
      change: '1',
      transport: noWait,
    })();
    expect(evidence).toEqual({
      status: 'unavailable',
      source: 'gerrit',
      reason:
        'Gerrit could not read change 1 (404: Not found: 1): it does not exist or this account cannot see it',
    });
  });

  it('makes an unreachable server unavailable evidence, after bounded retries', async () => {
    const url = gerrit.url;
    await gerrit.close();
    const evidence = await gerritChangeSource({
      gerrit: url,
      change: '912345',
      transport: noWait,
    })();
    expect(evidence).toMatchObject({ status: 'unavailable', source: 'gerrit' });
    gerrit = await startFakeGerrit({ changes: [] });
  });

  it('refuses a bad URL or change number at once', () => {
    expect(() => gerritChangeSource({ gerrit: 'review.example.org', change: '1' })).toThrow(
      UsageError,
    );
    expect(() => gerritChangeSource({ gerrit: gerrit.url, change: 'abc' })).toThrow(UsageError);
  });
});
