import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SHARED_DATA } from '../../test/helpers/snapshot-repo';
import { WorkerParser } from './releases/parser';
import { buildTables, readTables, type TablesJob, type TablesRequest } from './tables-thread';
import type { DataDir } from './data-dir';
import { dataLabel } from './data-dir';

// As in parser.integration.test.ts: the thread loads parse-worker.ts with the transpile hook.
const HOOK = resolve(__dirname, '../../test/helpers/transpile-hook.js');
const ENTRY = join(__dirname, 'releases', 'parse-worker.ts');
const FIXTURES = resolve(__dirname, '../../test/fixtures/data');

/**
 * Maps and Sets as arrays, recursively: what the thread sends is made in node's realm, not in
 * the one jest runs this file in, and jest's equality cannot read a Map of another realm.
 */
function plain(value: unknown): unknown {
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Map]') {
    return { map: [...(value as Map<unknown, unknown>)].map(([k, v]) => [plain(k), plain(v)]) };
  }
  if (tag === '[object Set]') return { set: [...(value as Set<unknown>)].map(plain) };
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

const parsers: WorkerParser[] = [];
function threadParser(): WorkerParser {
  const parser = new WorkerParser({ entry: ENTRY, execArgv: ['-r', HOOK] });
  parsers.push(parser);
  return parser;
}
afterEach(async () => {
  await Promise.all(parsers.splice(0).map((parser) => parser.close()));
});

/** A comment after the data: big enough to be sent to the thread, and nothing read changes. */
const padded = (text: string) => `${text}\n#${'x'.repeat(40 * 1024)}\n`;
const fixture = (path: string) => padded(readFileSync(join(FIXTURES, path), 'utf8'));

const BROKEN_PROJECTS = padded(
  [
    'Nova:',
    '  ptl: {name: A, irc: a, email: a@example.org}',
    '  deliverables:',
    '    nova:',
    '      repos: [openstack/nova]',
    '      release-management: sometimes', // this deliverable's own shape error
    '    placement:',
    '      repos: {openstack/placement: yes}', // an unreadable entry, naming a repository
    'Ironic:',
    '  leadership_type: council', // a team this reader does not know
    '  deliverables:',
    '    ironic: {repos: [openstack/ironic]}',
    'Oslo:',
    '  deliverables:',
    '    oslo.config: {repos: [openstack/oslo.config]}',
  ].join('\n'),
);

const BROKEN_GERRIT = padded(
  '- project: openstack/nova\n  acl-config: [a, b]\n- project: openstack/ironic\n  description: Bare metal\n',
);

const JOBS: [string, TablesJob][] = [
  [
    'the fixture governance',
    {
      kind: 'governance',
      texts: {
        projects: fixture('governance/reference/projects.yaml'),
        legacy: {
          file: 'reference/legacy.yaml',
          text: readFileSync(join(FIXTURES, 'governance/reference/legacy.yaml'), 'utf8'),
        },
      },
    },
  ],
  [
    'a governance with broken entries',
    { kind: 'governance', texts: { projects: BROKEN_PROJECTS, legacy: null } },
  ],
  [
    'the fixture project-config',
    {
      kind: 'projectConfig',
      texts: {
        gerrit: fixture('project-config/gerrit/projects.yaml'),
        zuul: fixture('project-config/zuul.d/projects.yaml'),
      },
    },
  ],
  [
    'a project-config with a broken entry, no Zuul file',
    { kind: 'projectConfig', texts: { gerrit: BROKEN_GERRIT, zuul: null } },
  ],
];

function plainDir(source: DataDir['source'], commit?: string): DataDir {
  const label = dataLabel(source, `${source} data in the test`, commit);
  return {
    ...label,
    root: '',
    commit,
    read: () => Promise.reject(new Error('unread')),
  } as unknown as DataDir;
}

const request = (job: TablesJob, commit?: string): TablesRequest => ({
  ...job,
  source: job.kind === 'governance' ? 'governance' : 'project-config',
  label: `${job.kind === 'governance' ? 'governance' : 'project-config'} data in the test`,
  ...(commit !== undefined ? { commit } : {}),
});

describe('run-wide data files read into tables on the parsing thread', () => {
  it.each(JOBS)('give the tables read here: %s', async (_name, job) => {
    const parser = threadParser();
    const onThread = await parser.tables(request(job, 'c0ffee'));
    expect(onThread).not.toBeNull();
    expect(plain(onThread)).toEqual(plain(buildTables(request(job, 'c0ffee'))));
  });

  it('hold each broken entry as the error it is, for its repositories alone', () => {
    const tables = buildTables(request(JOBS[1]![1]));
    expect('owners' in tables && [...tables.owners.keys()]).toEqual([
      'openstack/nova',
      'openstack/ironic',
      'openstack/oslo.config',
    ]);
    const owners = 'owners' in tables ? tables.owners : new Map();
    expect(owners.get('openstack/nova')?.read).toEqual({
      shape: expect.stringContaining("release-management 'sometimes'"),
    });
    expect(owners.get('openstack/ironic')?.read).toEqual({
      shape: expect.stringContaining("leadership_type 'council'"),
    });
    expect(owners.get('openstack/oslo.config')?.read).toMatchObject({
      value: { name: 'oslo.config' },
    });
    const unreadable = 'unreadable' in tables ? tables.unreadable : [];
    expect(unreadable.map((entry) => [...entry.names].includes('openstack/placement'))).toEqual([
      true,
    ]);
  });

  it('leave a file that is no YAML to this thread, which names what is wrong', async () => {
    const parser = threadParser();
    const job: TablesJob = {
      kind: 'projectConfig',
      texts: { gerrit: padded('- [\n'), zuul: null },
    };
    expect(await parser.tables(request(job))).toBeNull();
    const data = plainDir('project-config');
    const expected = (() => {
      try {
        buildTables(request(job));
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      return 'no error';
    })();
    await expect(readTables(parser, job, data)).rejects.toThrow(`${data.label}: ${expected}`);
  });

  it('leave files too small for a thread to this thread, and start none', () => {
    const parser = threadParser();
    const small: TablesJob = {
      kind: 'projectConfig',
      texts: { gerrit: '- project: a/b\n', zuul: null },
    };
    expect(parser.tables(request(small))).toBeNull();
    expect(parser.threadStarted).toBe(false);
  });
});

const realData = existsSync(join(SHARED_DATA, 'openstack/governance/reference/projects.yaml'));
if (!realData) console.log(`real-data tables test skipped: ${SHARED_DATA} is not there`);

(realData ? describe : describe.skip)('tables of the real OpenStack data (../shared/data)', () => {
  const real = (path: string) => readFileSync(join(SHARED_DATA, 'openstack', path), 'utf8');
  it.each<[string, () => TablesJob]>([
    [
      'governance',
      () => ({
        kind: 'governance',
        texts: {
          projects: real('governance/reference/projects.yaml'),
          legacy: { file: 'reference/legacy.yaml', text: real('governance/reference/legacy.yaml') },
        },
      }),
    ],
    [
      'project-config',
      () => ({
        kind: 'projectConfig',
        texts: {
          gerrit: real('project-config/gerrit/projects.yaml'),
          zuul: real('project-config/zuul.d/projects.yaml'),
        },
      }),
    ],
  ])('are the same read on the thread and here: %s', async (_name, job) => {
    const onThread = await threadParser().tables(request(job()));
    expect(onThread).not.toBeNull();
    expect(plain(onThread)).toEqual(plain(buildTables(request(job()))));
  });
});
