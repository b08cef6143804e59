import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { wrongCheckout, wrongCheckoutText, type DataCheckoutKind } from './checkout-kind';

// Plain directories only (a unit test runs no git); the HEAD-tree reading of a git checkout is
// covered by test/cli/wrong-checkout.integration.test.ts.

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vmt-oversight-kind-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A directory holding `paths` (a trailing `/` makes a directory). */
function checkout(name: string, paths: string[]): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const path of paths) {
    if (path.endsWith('/')) mkdirSync(join(dir, path), { recursive: true });
    else {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), 'x: 1\n');
    }
  }
  return dir;
}

const TODAY: Record<DataCheckoutKind, string[]> = {
  governance: ['reference/projects.yaml', 'reference/legacy.yaml', 'setup.cfg', 'tox.ini'],
  releases: ['deliverables/flamingo/', 'data/series_status.yaml', 'setup.cfg', 'tox.ini'],
  'project-config': ['gerrit/projects.yaml', 'gerrit/acls/openstack/', 'zuul.d/projects.yaml'],
};

/** Layouts of years back, which must still be accepted. */
const OLD: [string, DataCheckoutKind, string[]][] = [
  ['governance in 2014 (no legacy.yaml)', 'governance', ['reference/projects.yaml', 'tox.ini']],
  ['releases in 2015 (deliverables/ only)', 'releases', ['deliverables/liberty/', 'tox.ini']],
  [
    'releases in 2018 (series status under deliverables/)',
    'releases',
    ['deliverables/series_status.yaml', 'deliverables/rocky/'],
  ],
  [
    'project-config before Zuul v3 (no zuul.d/)',
    'project-config',
    ['gerrit/projects.yaml', 'zuul/layout.yaml', 'jenkins/jobs/', 'tox.ini'],
  ],
];

describe('wrongCheckout', () => {
  it.each(Object.keys(TODAY) as DataCheckoutKind[])('accepts a %s checkout of today', async (k) => {
    expect(await wrongCheckout(`--${k}`, checkout(k, TODAY[k]), k)).toBeNull();
  });

  it.each(OLD)('accepts %s', async (_, kind, paths) => {
    expect(await wrongCheckout(`--${kind}`, checkout('old', paths), kind)).toBeNull();
  });

  it.each([
    ['an empty directory', []],
    ['a directory of unknown files', ['README.rst', 'notes/']],
    ['a directory holding every kind', [...TODAY.governance, ...TODAY.releases]],
  ])('accepts %s (no positive sign of another kind)', async (_, paths) => {
    expect(await wrongCheckout('--governance', checkout('x', paths), 'governance')).toBeNull();
  });

  it('refuses a releases checkout given as --governance, naming what it found', async () => {
    const dir = checkout('releases', TODAY.releases);
    const wrong = await wrongCheckout('--governance', dir, 'governance');
    expect(wrong).toMatchObject({
      found: 'releases',
      seen: ['deliverables/', 'data/series_status.yaml'],
    });
    expect(wrongCheckoutText(wrong!)).toBe(
      `--governance ${dir} points at a checkout of openstack/releases (it has deliverables/ and ` +
        'data/series_status.yaml); expected openstack/governance with reference/projects.yaml',
    );
  });

  it('refuses project-config given as --releases', async () => {
    const dir = checkout('pc', TODAY['project-config']);
    const wrong = await wrongCheckout('--releases', dir, 'releases');
    expect(wrongCheckoutText(wrong!)).toBe(
      `--releases ${dir} points at a checkout of openstack/project-config (it has ` +
        'gerrit/projects.yaml and gerrit/acls/); expected openstack/releases with deliverables/ ' +
        '(and data/series_status.yaml from 2019)',
    );
  });

  it('refuses an old project-config layout given as --governance', async () => {
    const dir = checkout('pc', ['zuul/layout.yaml', 'jenkins/jobs/']);
    const wrong = await wrongCheckout('--governance', dir, 'governance');
    expect(wrong).toMatchObject({
      found: 'project-config',
      seen: ['zuul/layout.yaml', 'jenkins/jobs/'],
    });
  });

  it("refuses a project's own repository given as --project-config", async () => {
    const dir = checkout('sushy', ['setup.cfg', 'tox.ini', 'zuul.d/project.yaml', 'sushy/']);
    const wrong = await wrongCheckout('--project-config', dir, 'project-config');
    expect(wrongCheckoutText(wrong!)).toBe(
      `--project-config ${dir} points at a project's own repository (it has setup.cfg and ` +
        'tox.ini), not a data checkout; expected openstack/project-config with gerrit/projects.yaml',
    );
  });

  it('tells a file from a directory: a file named deliverables is no sign', async () => {
    const dir = checkout('x', ['deliverables']);
    expect(await wrongCheckout('--governance', dir, 'governance')).toBeNull();
  });
});
