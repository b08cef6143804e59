/**
 * Where the list is looked for when `--list` is not given, first match wins: the native list
 * (two names), the VMT's published rst page (openstack/ossa) and the governance tag file
 * (openstack/governance).
 */
export const LIST_CANDIDATES: readonly string[] = [
  'repos-overseen.yaml',
  'vmt-oversight.yaml',
  'doc/source/repos-overseen.rst',
  'reference/projects.yaml',
];
