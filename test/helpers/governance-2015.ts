/**
 * Project-written governance `reference/projects.yaml` files shaped like openstack/governance in
 * July 2015: the layout before 2015-07-28 (`projects: [{repo, tags: [{name}]}]`, `ptl` a plain
 * string, team tags) and the same teams after "Introduce the deliverables concept".
 */

/** Before 2015-07-28. `vulnerability:managed` on nova, python-novaclient and sahara. */
export const PROJECTS_2015_07 = `Nova:
  ptl: Jo Example (jex)
  irc-channel: openstack-nova
  service: Compute
  mission: >
    To implement services and associated libraries.
  url: https://wiki.openstack.org/wiki/Nova
  tags:
    - name: team:diverse-affiliation
  projects:
    - repo: openstack/nova
      tags:
        - name: release:managed
        - name: type:service
        - name: vulnerability:managed
    - repo: openstack/python-novaclient
      tags:
        - name: type:library
        - name: vulnerability:managed
    - repo: openstack/nova-specs

Sahara:
  ptl: Sam Ahara (sahara)
  url: https://wiki.openstack.org/wiki/Sahara
  projects:
    - repo: openstack/sahara
      tags:
        - name: vulnerability:managed
    - repo: openstack/sahara-extra
      tags:
        - name: release:managed
`;

/** The line of each tag in PROJECTS_2015_07 (entries are located at their tag). */
export const TAG_LINES_2015_07 = {
  'openstack/nova': 15,
  'openstack/python-novaclient': 19,
  'openstack/sahara': 28,
};

/** The same teams after 2015-07-28: deliverables, plain tag names; sahara-extra joins sahara. */
export const PROJECTS_2015_08 = `Nova:
  ptl: Jo Example (jex)
  url: https://wiki.openstack.org/wiki/Nova
  tags:
    - team:diverse-affiliation
  deliverables:
    nova:
      repos:
        - openstack/nova
      tags:
        - vulnerability:managed
    nova-specs:
      repos:
        - openstack/nova-specs
    python-novaclient:
      repos:
        - openstack/python-novaclient
      tags:
        - vulnerability:managed

Sahara:
  ptl: Sam Ahara (sahara)
  url: https://wiki.openstack.org/wiki/Sahara
  deliverables:
    sahara:
      repos:
        - openstack/sahara
        - openstack/sahara-extra
      tags:
        - vulnerability:managed
`;
