import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, type TempRepo } from '../../test/helpers/temp-git';
import { ObjectTooLargeError } from './batch';
import { localFirstBatch } from './local-batch';
import { localObjects, plainConfig } from './local-objects';
import { createGit } from './run';

const CAP = 1024 * 1024;

function git(repo: TempRepo, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repo.dir, encoding: 'utf8' });
}

/** Every object git can name in the repository, with git's own type and content. */
function everyObject(repo: TempRepo): { id: string; type: string; content: Buffer }[] {
  const ids = new Set(
    git(repo, 'rev-list', '--objects', '--all')
      .split('\n')
      .map((line) => line.slice(0, 40))
      .filter((id) => id.length === 40),
  );
  for (const id of git(repo, 'for-each-ref', '--format=%(objectname)').split('\n')) {
    if (id) ids.add(id);
  }
  return [...ids].map((id) => ({
    id,
    type: git(repo, 'cat-file', '-t', id).trim(),
    content: execFileSync('git', ['cat-file', git(repo, 'cat-file', '-t', id).trim(), id], {
      cwd: repo.dir,
    }),
  }));
}

/** A history with an annotated tag, an empty file, and one file of many similar revisions. */
function history(repo: TempRepo): void {
  repo.write('empty', '');
  for (let i = 0; i < 12; i++) {
    const lines = Array.from(
      { length: 300 },
      (_, n) => `line ${n} ${n === i * 7 ? 'changed' : ''}`,
    );
    repo.write('big.txt', `${lines.join('\n')}\n`);
    repo.write(`dir/file-${i % 3}.txt`, `revision ${i}\n`);
    repo.commit(`revision ${i}`, `2025-01-${String(i + 1).padStart(2, '0')}T00:00:00Z`);
  }
  git(repo, 'tag', '-a', '-m', 'release', '1.0.0');
}

/** Bytes that do not compress (a seeded linear congruential generator), as text for a file. */
function noiseFrom(seed: number): (bytes: number) => string {
  let state = seed;
  return (bytes) =>
    Buffer.from(
      Array.from(
        { length: bytes },
        () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 24,
      ),
    ).toString('latin1');
}

function gitDir(repo: TempRepo): string {
  return join(repo.dir, '.git');
}

function expectAllRead(repo: TempRepo): void {
  const local = localObjects(gitDir(repo));
  try {
    const objects = everyObject(repo);
    expect(objects.length).toBeGreaterThan(40);
    for (const object of objects) {
      const read = local.read(object.id, CAP);
      // Buffer.equals: jest's toEqual walks a buffer byte by byte (a minute for a few MB).
      expect([read?.type, read?.content.equals(object.content)]).toEqual([object.type, true]);
    }
    const head = git(repo, 'rev-parse', 'HEAD').trim();
    const tree = git(repo, 'rev-parse', 'HEAD^{tree}').trim();
    expect(local.read(`${head}^{tree}`, CAP)).toEqual(local.read(tree, CAP));
  } finally {
    local.close();
  }
}

/** How many objects of the pack are stored as deltas (git verify-pack's chain summary). */
function deltas(repo: TempRepo): number {
  const pack = readdirSync(join(gitDir(repo), 'objects', 'pack')).find((f) => f.endsWith('.idx'));
  const out = git(repo, 'verify-pack', '-v', join(gitDir(repo), 'objects', 'pack', pack!));
  return [...out.matchAll(/^chain length = \d+: (\d+) objects?$/gm)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

describe('objects read from the repository files', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = createTempRepo({ prefix: 'vmt-oversight-local-objects-' });
    history(repo);
  });
  afterEach(() => repo.cleanup());

  it('reads every loose object as git gives it, and peels a commit to its tree', () => {
    expectAllRead(repo);
  });

  it('reads a pack whose objects are deltas on earlier ones (offsets)', () => {
    git(repo, 'gc', '--aggressive', '--prune=now', '--quiet');
    expect(deltas(repo)).toBeGreaterThan(5);
    expectAllRead(repo);
  });

  it('reads a pack whose deltas name their bases by id', () => {
    git(repo, '-c', 'repack.useDeltaBaseOffset=false', 'repack', '-adf', '--quiet');
    expect(deltas(repo)).toBeGreaterThan(5);
    expectAllRead(repo);
  });

  it('reads a pack of many blocks: objects across their bounds, over a block, more than are kept', () => {
    // Bytes that do not compress, of sizes around the 64 KiB block: the pack is some 2 MB.
    const noise = noiseFrom(12345);
    for (let i = 0; i < 16; i++) {
      repo.write(`noise-${i}.bin`, noise(20_000 + ((i * 37_000) % 190_000)));
      if (i % 4 === 3) repo.commit(`noise ${i}`, '2025-02-01T00:00:00Z');
    }
    git(repo, 'gc', '--prune=now', '--quiet');
    const pack = readdirSync(join(gitDir(repo), 'objects', 'pack')).find((f) =>
      f.endsWith('.pack'),
    );
    expect(readFileSync(join(gitDir(repo), 'objects', 'pack', pack!)).length).toBeGreaterThan(
      1_200_000,
    );
    expectAllRead(repo);
  });

  it('reads objects from several packs of several blocks each, every pack its own blocks', () => {
    const noise = noiseFrom(777);
    for (let i = 0; i < 3; i++) {
      repo.write(`pack-${i}.bin`, noise(150_000));
      repo.commit(`pack ${i}`, '2025-02-01T00:00:00Z');
      git(repo, 'repack', '-q');
    }
    const packs = readdirSync(join(gitDir(repo), 'objects', 'pack')).filter((f) =>
      f.endsWith('.pack'),
    );
    expect(packs.length).toBeGreaterThanOrEqual(3);
    expectAllRead(repo);
  });

  it('leaves to git an object that is not there, or is over the cap', () => {
    const local = localObjects(gitDir(repo));
    const big = git(repo, 'rev-parse', 'HEAD:big.txt').trim();
    expect(local.read('0'.repeat(40), CAP)).toBeNull();
    expect(local.read(big, 100)).toBeNull();
    expect(local.read(big, CAP)?.type).toBe('blob'); // the store is still read
    expect(local.read('not an id', CAP)).toBeNull();
    local.close();
  });

  describe('leaves every read to git in a store git would read otherwise, or not at all', () => {
    const head = () => git(repo, 'rev-parse', 'HEAD').trim();
    const packed = () => {
      git(repo, 'gc', '--prune=now', '--quiet');
      const dir = join(gitDir(repo), 'objects', 'pack');
      return join(
        dir,
        readdirSync(dir).find((f) => f.endsWith('.pack'))!,
      );
    };
    const nothingRead = (id = head()) => {
      const local = localObjects(gitDir(repo));
      expect(local.read(id, CAP)).toBeNull();
      local.close();
    };

    it('a configuration that includes another file (a FIFO would hold git)', () => {
      writeFileSync(
        join(gitDir(repo), 'config'),
        '[core]\n\tbare = false\n[include]\n\tpath = x\n',
      );
      nothingRead();
    });

    it('a configuration with an extension (another object format, a partial clone)', () => {
      const config = readFileSync(join(gitDir(repo), 'config'), 'utf8');
      writeFileSync(
        join(gitDir(repo), 'config'),
        `${config}[extensions]\n\tpartialClone = origin\n`,
      );
      nothingRead();
    });

    it('a pack file that is a link', () => {
      const pack = packed();
      renameSync(pack, `${pack}.real`);
      symlinkSync(`${pack}.real`, pack);
      nothingRead();
    });

    it('a pack index of version 1', () => {
      const pack = packed();
      git(repo, 'index-pack', '--index-version=1', '-o', pack.replace(/\.pack$/, '.idx'), pack);
      nothingRead();
    });

    it('a loose object with bytes after its zlib stream (git: garbage at its end)', () => {
      const id = head();
      const file = join(gitDir(repo), 'objects', id.slice(0, 2), id.slice(2));
      chmodSync(file, 0o644);
      writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('garbage')]));
      nothingRead(id);
    });

    it('a loose object whose file holds another object (it does not hash to its name)', () => {
      const [a, b] = [head(), git(repo, 'rev-parse', 'HEAD~1').trim()];
      const file = (id: string) => join(gitDir(repo), 'objects', id.slice(0, 2), id.slice(2));
      chmodSync(file(a), 0o644);
      writeFileSync(file(a), readFileSync(file(b)));
      nothingRead();
    });

    it('a large loose blob whose file holds another (hashed in parts, as small ones are not)', () => {
      const write = (text: string): string =>
        execFileSync('git', ['hash-object', '-w', '--stdin'], {
          cwd: repo.dir,
          input: text,
          encoding: 'utf8',
        }).trim();
      const [a, b] = [write('a'.repeat(20_000)), write('b'.repeat(20_000))];
      const file = (id: string) => join(gitDir(repo), 'objects', id.slice(0, 2), id.slice(2));
      expect(localObjects(gitDir(repo)).read(a, CAP)?.content.length).toBe(20_000);
      chmodSync(file(a), 0o644);
      writeFileSync(file(a), readFileSync(file(b)));
      expect(localObjects(gitDir(repo)).read(a, CAP)).toBeNull();
    });

    (process.getuid?.() === 0 ? it : it.skip)('a repository of another user (as root)', () => {
      const id = head();
      execFileSync('chown', ['-R', '65534', repo.dir]);
      expect(() => git(repo, 'rev-parse', 'HEAD')).toThrow(/dubious ownership/);
      nothingRead(id);
    });

    it('a pack whose data does not inflate to the object named, and then nothing more', () => {
      const pack = packed();
      const bytes = readFileSync(pack);
      for (let at = 40; at < bytes.length - 20; at += 7) bytes[at] ^= 0x5a;
      writeFileSync(pack, bytes);
      const local = localObjects(gitDir(repo));
      expect(local.read(head(), CAP)).toBeNull();
      // Even an object of the loose store that would read is git's now.
      const later = execFileSync('git', ['hash-object', '-w', '--stdin'], {
        cwd: repo.dir,
        input: 'later\n',
        encoding: 'utf8',
      }).trim();
      expect(local.read(later, CAP)).toBeNull();
      expect(localObjects(gitDir(repo)).read(later, CAP)?.type).toBe('blob');
      local.close();
    });

    it.each([
      ['its signature', 0],
      ['its count of objects', 11],
      ['its trailer, which the index records', -1],
    ])('a pack that does not match its index: %s', (_what, at) => {
      const pack = packed();
      const bytes = readFileSync(pack);
      bytes[at < 0 ? bytes.length + at : at] ^= 0x01;
      writeFileSync(pack, bytes);
      nothingRead();
    });

    it('more packs than a clone has', () => {
      for (let i = 0; i < 33; i++) {
        repo.write(`pack-${i}.txt`, `${i}\n`);
        repo.commit(`pack ${i}`, '2025-03-01T00:00:00Z');
        git(repo, 'repack', '-q');
      }
      expect(
        readdirSync(join(gitDir(repo), 'objects', 'pack')).filter((f) => f.endsWith('.idx')).length,
      ).toBeGreaterThan(32);
      nothingRead();
    });

    it('a git directory that points at another (commondir)', () => {
      writeFileSync(join(gitDir(repo), 'commondir'), '.\n');
      nothingRead();
    });

    it('a commit whose parent line git finds corrupt, peeled to its tree', () => {
      const tree = git(repo, 'rev-parse', 'HEAD^{tree}').trim();
      const body = `tree ${tree}\nparent zzzz\nauthor A <a@b> 1 +0000\ncommitter A <a@b> 1 +0000\n\nx\n`;
      const id = execFileSync(
        'git',
        ['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'],
        {
          cwd: repo.dir,
          input: body,
          encoding: 'utf8',
        },
      ).trim();
      const local = localObjects(gitDir(repo));
      expect(local.read(id, CAP)?.type).toBe('commit'); // the object itself is as git gives it
      expect(local.read(`${id}^{tree}`, CAP)).toBeNull();
      local.close();
    });

    it('a read after the store is closed', () => {
      const local = localObjects(gitDir(repo));
      expect(local.read(head(), CAP)?.type).toBe('commit');
      local.close();
      expect(local.read(head(), CAP)).toBeNull();
    });
  });
});

describe('plainConfig', () => {
  it('reads a hostile line of 64 KB at once (no backtracking)', () => {
    const blanks = ' '.repeat(64 * 1024);
    const started = process.hrtime.bigint();
    for (const line of [`a=${blanks}"`, `a${blanks}"`, `[core]\n\tbare =${blanks}x${blanks}"`]) {
      expect(plainConfig(`[core]\n${line}\n`)).toBe(false);
    }
    // Backtracking took seconds on 2,000 blanks; a linear reading takes milliseconds.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
  });

  it.each([
    ['[core]\n\trepositoryformatversion = 0\n\tbare = true\n', true],
    ['[core]\n\trepositoryformatversion = 1\n[remote "origin"]\n\turl = https://x/y\n', true],
    ['[core]\r\n\tbare = false # a comment\r\n', true],
    ['[core]\n\tbare\n[branch "master"]\n\tremote = origin\n\tmerge = refs/heads/master\n', true],
    ['[core]\n\tbare = maybe\n', false],
    ['[core]\n\tcompression = zz\n', false],
    ['[gc]\n\tauto = 0\n', false],
    ['\v[core]\n\tbare = true\n', false],
    ['\u00a0[core]\n', false],
    ['[core]\n\tbare\u00a0= false\n', false],
    ['[core]\n\tbare\r= false\n', false],
    ['[core]\n\tbare = fa\u0000lse\n', false],
    ['[core]\n\tbare ;c\n', false],
    ['[core]\n\tbare = true\u000b\n', false],
    ['[core]\n\trepositoryformatversion = 0\f\n', false],
    ['[core]\n\tbare\r', false],
    ['[core]\n\tbare = true ; a comment\n', true],
    ['[include]\n\tpath = fifo\n', false],
    ['[IncludeIf "gitdir:/x/"]\n\tpath = y\n', false],
    ['[include.x]\n\tpath = y\n', false],
    ['[core]\n\trepositoryformatversion = 1\n[extensions]\n\tobjectFormat = sha256\n', false],
    ['[core]\n\trepositoryformatversion = 2\n', false],
    ['[core]\n\tx = "quoted"\n', false],
    ['[core]\n\tx = a \\\n\tb\n', false],
    ['[core] bare = true\n', false],
    ['bare = true\n', false],
    ['not a line of git config\n', false],
  ])('%j: %s', (text, plain) => {
    expect(plainConfig(text)).toBe(plain);
  });
});

describe('localFirstBatch', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = createTempRepo({ prefix: 'vmt-oversight-local-batch-' });
    history(repo);
  });
  afterEach(() => repo.cleanup());

  const batchOf = () => {
    const counter = { count: 0 };
    const run = createGit(gitDir(repo), { counter });
    return { counter, batch: localFirstBatch(localObjects(gitDir(repo)), () => run.batch()) };
  };

  it('starts no git when every object is read here', async () => {
    const { counter, batch } = batchOf();
    const head = git(repo, 'rev-parse', 'HEAD').trim();
    const [commit, tree] = await batch.read([head, `${head}^{tree}`], CAP);
    batch.close();
    expect(commit?.type).toBe('commit');
    expect(tree?.type).toBe('tree');
    expect(counter.count).toBe(0);
  });

  it("asks git for what is not read here, in order: a missing object is git's null", async () => {
    const { counter, batch } = batchOf();
    const head = git(repo, 'rev-parse', 'HEAD').trim();
    const answers = await batch.read([head, '1'.repeat(40), `${head}^{tree}`], CAP);
    batch.close();
    expect(answers.map((object) => object?.type ?? null)).toEqual(['commit', null, 'tree']);
    expect(counter.count).toBe(1);
  });

  it('leaves an object over the cap to git, whose refusal it is', async () => {
    const { batch } = batchOf();
    const big = git(repo, 'rev-parse', 'HEAD:big.txt').trim();
    await expect(batch.read([big], 100)).rejects.toBeInstanceOf(ObjectTooLargeError);
    batch.close();
  });
});
