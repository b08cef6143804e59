/** The central Zuul entries when project-config predates Zuul v3: `zuul/layout.yaml`. */
import type { ZuulProjectStanza, ZuulV2Layout } from '../../evidence/types';
import type { DataDir } from '../data-dir';
import { Unavailable } from '../unavailable';
import { YamlDocument } from '../yaml/document';
import { readShaped } from '../yaml/shape';
import {
  indexZuulLayout,
  readLayoutProject,
  ZUUL_LAYOUT_FILE,
  ZUUL_LAYOUT_MAX_BYTES,
} from './zuul-layout';
import { ZUUL_DIR, ZUUL_PROJECTS_FILE } from './zuul-projects';

export interface ZuulV2Reader {
  layout: ZuulV2Layout;
  zuulOf: (repository: string) => ZuulProjectStanza | null;
}

/** Reads the v2 layout where zuul.d/ does not exist; says precisely why when it cannot. */
export async function readZuulV2(data: DataDir): Promise<ZuulV2Reader> {
  const refuse = (why: string) => new Unavailable('project-config', `${data.label} ${why}`);
  if (await data.hasDirectory(ZUUL_DIR)) throw refuse(`has no ${ZUUL_PROJECTS_FILE}`);
  const text = (await data.read([ZUUL_LAYOUT_FILE])).get(ZUUL_LAYOUT_FILE);
  if (typeof text !== 'string') {
    throw refuse(
      `has neither ${ZUUL_PROJECTS_FILE} (Zuul v3, from 2017-09) nor ${ZUUL_LAYOUT_FILE} (Zuul v2)`,
    );
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > ZUUL_LAYOUT_MAX_BYTES) {
    throw refuse(`${ZUUL_LAYOUT_FILE} is ${bytes} bytes, over the ${ZUUL_LAYOUT_MAX_BYTES} cap`);
  }
  return readShaped(data, () => {
    const index = indexZuulLayout(YamlDocument.parse(ZUUL_LAYOUT_FILE, text), data);
    return {
      layout: index.layout,
      zuulOf: (repository: string) => {
        const node = index.projects.get(repository);
        return node === undefined ? null : readLayoutProject(index, node, data);
      },
    };
  });
}
