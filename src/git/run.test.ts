import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGit } from './run';

describe('createGit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vmt-run-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds its engine on the first run only, so a Git that never runs costs no engine', async () => {
    const missing = join(dir, 'not-there');
    // simple-git refuses a directory that does not exist when its engine is built: here only
    // when run is called, and as a rejected promise, never a synchronous throw.
    const git = createGit(missing, { environment: { PATH: '' } });
    expect(git.calls()).toBe(0);
    let result: Promise<Buffer> | undefined;
    expect(() => (result = git.run(['rev-parse']))).not.toThrow();
    await expect(result).rejects.toThrow(/does not exist/);
    expect(git.calls()).toBe(1);
  });
});
