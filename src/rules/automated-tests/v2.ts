/**
 * Zuul v2 (project-config zuul/layout.yaml, before 2017-09): the central layout is the whole
 * truth. A template runs tests only in the pipelines the layout's own definition of it fills on
 * that date; a template the layout does not define is one Zuul would have refused, so unknown.
 */
import type { ZuulV2Layout } from '../../evidence/types';
import type { TestPipeline } from '../../openstack/zuul-templates';
import type { ZuulItem } from './zuul';

export function narrowToLayout(items: readonly ZuulItem[], layout: ZuulV2Layout): ZuulItem[] {
  return items.map((item): ZuulItem => {
    if (item.kind !== 'template') return item;
    const filled = Object.hasOwn(layout.templatePipelines, item.name)
      ? layout.templatePipelines[item.name]
      : undefined;
    if (filled === undefined) return { ...item, verdict: 'undefined', tests: [] };
    const tests = item.tests.filter((pipeline: TestPipeline) => filled.includes(pipeline));
    return { ...item, tests };
  });
}

/** Why the layout cannot be judged beyond the catalog: templates it uses but does not define. */
export function undefinedTemplates(items: readonly ZuulItem[]): string[] {
  const names = [...new Set(items.filter((i) => i.verdict === 'undefined').map((i) => i.name))];
  if (names.length === 0) return [];
  return [
    `templates zuul/layout.yaml uses but does not define: ${names.join(', ')} (Zuul v2 refuses such a layout)`,
  ];
}

/** Where the v2 judgement looked, for the messages. */
export function v2Where(branch: string): string {
  return `on ${branch} (project-config zuul/layout.yaml, Zuul v2: in-repo Zuul configuration did not exist yet)`;
}
