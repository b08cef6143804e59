import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleDoc } from '../findings/rule-doc';
import { allRuleMetas } from '../rules';
import { packageRoot } from '../util/package-root';

let cached: RuleDoc[] | undefined;

/** Every rule's metadata with its doc page (`src/rules/<id>/README.md`), for the reporters. */
export function ruleDocsWithPages(): RuleDoc[] {
  cached ??= allRuleMetas().map((meta) => {
    const file = join(packageRoot(), 'src', 'rules', meta.id, 'README.md');
    const doc: RuleDoc = {
      id: meta.id,
      clause: meta.clause,
      title: meta.title,
      defaultSeverity: meta.defaultSeverity,
    };
    return existsSync(file) ? { ...doc, page: readFileSync(file, 'utf8') } : doc;
  });
  return cached;
}
