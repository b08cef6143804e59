/**
 * Gerrit ACL files of project-config (git-config style): which groups hold Code-Review -2..+2 on
 * the branches, and which file a file inherits from (`[access] inheritFrom = openstack/x`).
 */

/** Groups every ACL grants or inherits that say nothing about a project's own reviewers. */
export const GLOBAL_GROUPS: ReadonlySet<string> = new Set([
  'Project Bootstrappers',
  'Change Owner',
  'Registered Users',
  'Anonymous Users',
  'Release Managers',
  'stable-maint-core',
]);

const BRANCH_SECTIONS = new Set(['refs/heads/*', 'refs/*']);
const PROJECT = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
const CORE_GRANT = /^label-Code-Review\s*=\s*-2\.\.\+2\s+group\s+(.+?)\s*$/;

export interface AclFacts {
  coreGroups: string[];
  /** The project named by `inheritFrom`, when there is one and it is a safe name. */
  inheritFrom: string | null;
}

export function readAcl(text: string): AclFacts {
  const coreGroups: string[] = [];
  let inheritFrom: string | null = null;
  let section: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([a-zA-Z]+)(?:\s+"([^"]*)")?\s*\]$/.exec(line);
    if (header) {
      section = `${header[1]} ${header[2] ?? ''}`.trim();
      continue;
    }
    if (section === 'access') {
      const inherit = /^inheritFrom\s*=\s*(\S+)$/.exec(line);
      if (inherit && PROJECT.test(inherit[1] as string)) inheritFrom = inherit[1] as string;
      continue;
    }
    const ref = section?.startsWith('access ') ? section.slice('access '.length) : null;
    const grant = ref !== null && BRANCH_SECTIONS.has(ref) ? CORE_GRANT.exec(line) : null;
    const group = grant?.[1];
    if (group && !GLOBAL_GROUPS.has(group) && !coreGroups.includes(group)) coreGroups.push(group);
  }
  return { coreGroups, inheritFrom };
}

/** `/home/gerrit2/acls/openstack/ironic.config` → `gerrit/acls/openstack/ironic.config`. */
export function aclFile(repository: string, aclConfig: string | null): string | null {
  if (aclConfig === null) return `gerrit/acls/${repository}.config`;
  const match = /\/acls\/([A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*\.config)$/.exec(
    aclConfig,
  );
  return match ? `gerrit/acls/${match[1]}` : null;
}
