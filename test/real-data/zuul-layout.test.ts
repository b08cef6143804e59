/**
 * The Zuul v2 layout (project-config zuul/layout.yaml, before 2017-09) on the real data, when
 * ../shared/data holds one; today it holds only the Zuul v3 zuul.d/, so the suite says it skips.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { classifyTemplate, zuulV2Catalog } from '../../src/openstack/zuul-templates';
import { ProjectConfigSource } from '../../src/sources/project-config/source';
import { SHARED_DATA } from '../helpers/snapshot-repo';

const dir = join(SHARED_DATA, 'openstack/project-config');
const present = existsSync(join(dir, 'zuul/layout.yaml')) && !existsSync(join(dir, 'zuul.d'));
if (!present) {
  console.log(
    `real-data Zuul v2 layout suite skipped: ${dir} has no zuul/layout.yaml (only zuul.d/)`,
  );
}

(present ? describe : describe.skip)('the real Zuul v2 layout (../shared/data)', () => {
  it('reads every project, and the catalog knows most templates its projects use', async () => {
    const facts = await new ProjectConfigSource({ dir, asOf: '2017-01-01' }).facts(
      'openstack/nova',
    );
    expect(facts.zuulV2).toBeDefined();
    expect(facts.zuul?.templates.length).toBeGreaterThan(0);
    const defined = Object.keys(facts.zuulV2?.templatePipelines ?? {});
    const unknown = defined.filter((n) => classifyTemplate(n, zuulV2Catalog()).kind === 'unknown');
    expect(unknown.length).toBeLessThan(defined.length / 10);
  });
});
