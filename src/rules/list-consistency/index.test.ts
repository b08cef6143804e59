import { testListRule } from '../../../test/helpers/rule-tester';
import { computeProposal } from '../../diff/compute';
import type { Proposal, SecondLists } from '../../diff/model';
import { parseList } from '../../list/parse';
import { ALL_OFFICIAL_SENTENCE } from '../../list/rst-scope';
import type { Citation } from '../../findings/finding';
import { rule } from './index';

const link = (name: string, target = `https://opendev.org/${name}`) => `* \`${name} <${target}>\`_`;
const rst = (...lines: string[]) => parseList('repos.rst', `${lines.join('\n')}\n`);
const native = (...names: string[]) =>
  parseList('repos.yaml', `repositories:\n${names.map((n) => `  - name: ${n}\n`).join('')}`);
const revisions = {
  base: { label: 'HEAD~1', commit: 'b'.repeat(40) },
  head: { label: 'HEAD', commit: 'c'.repeat(40) },
};
function proposal(
  head: ReturnType<typeof parseList>,
  base: ReturnType<typeof parseList> | null = null,
  secondLists?: SecondLists,
): { proposal: Proposal } {
  const computed = computeProposal(base, head, revisions);
  return { proposal: secondLists ? { ...computed, secondLists } : computed };
}
const NOVA = 'openstack/nova';
const at = (file: string, line: number, text: string): Citation => ({
  source: 'list',
  text,
  file,
  line,
});
const atBase: Citation = {
  source: 'list',
  text: 'also at base HEAD~1',
  file: 'repos.yaml',
  commit: 'b'.repeat(40),
};

/** A governance file listing nova under two deliverables (and maybe another team after). */
function twoDeliverables(extra?: string) {
  const lines = [
    'nova:',
    '  deliverables:',
    '    nova:',
    '      repos: [openstack/nova]',
    '      tags: [vulnerability:managed]',
    '    nova-again:',
    '      repos: [openstack/nova]',
    '      tags: [vulnerability:managed]',
  ];
  if (extra) {
    lines.push(
      `${extra}:`,
      '  deliverables:',
      `    ${extra}:`,
      `      repos: [openstack/${extra}]`,
    );
    lines.push('      tags: [vulnerability:managed]');
  }
  return parseList('reference/projects.yaml', lines.join('\n'));
}
const SWIFT = 'openstack/swift';
/** The VMT page since 2025: a title and the sentence, no bullets. */
const page2025 = () =>
  rst('Repositories Overseen', '=====================', '', ALL_OFFICIAL_SENTENCE);

testListRule(rule, {
  valid: [
    {
      name: 'a sorted list of right links',
      context: proposal(rst(link(NOVA), link(SWIFT))),
      expect: [],
    },
    {
      name: 'out of order: a warning at the first entry out of place',
      context: proposal(native(SWIFT, NOVA)),
      expect: [
        {
          messageId: 'unsorted',
          data: { name: NOVA, before: SWIFT },
          severity: 'warning',
          line: 3,
          citations: [
            at('repos.yaml', 3, `entry ${NOVA}`),
            at('repos.yaml', 2, `entry ${SWIFT}, sorts after ${NOVA}`),
          ],
        },
      ],
    },
    {
      name: 'a duplicate already at base: a warning, saying so',
      context: proposal(native(NOVA, NOVA, SWIFT), native(NOVA, NOVA)),
      expect: [
        {
          messageId: 'duplicatePreexisting',
          data: { name: NOVA, firstLine: 2 },
          severity: 'warning',
          line: 3,
          citations: [
            at('repos.yaml', 3, `entry ${NOVA}, listed again`),
            at('repos.yaml', 2, `entry ${NOVA}, first listed`),
            atBase,
          ],
        },
      ],
    },
    {
      name: 'a governance file is not judged for order',
      context: proposal(
        parseList(
          'reference/projects.yaml',
          [
            'zed:',
            '  deliverables:',
            '    swift:',
            '      repos: [openstack/swift]',
            '      tags: [vulnerability:managed]',
            'alpha:',
            '  deliverables:',
            '    nova:',
            '      repos: [openstack/nova]',
            '      tags: [vulnerability:managed]',
          ].join('\n'),
        ),
      ),
      expect: [],
    },
    {
      name: 'already out of order at base: a warning, saying so',
      context: proposal(native(SWIFT, NOVA, 'openstack/zun'), native(SWIFT, NOVA)),
      expect: [
        {
          messageId: 'unsortedPreexisting',
          data: { name: NOVA, before: SWIFT },
          severity: 'warning',
          line: 3,
          citations: [
            at('repos.yaml', 3, `entry ${NOVA}`),
            at('repos.yaml', 2, `entry ${SWIFT}, sorts after ${NOVA}`),
            atBase,
          ],
        },
      ],
    },
    {
      name: 'a wrong link already at base',
      context: proposal(
        rst(link(NOVA, 'https://x.example/nova'), link(SWIFT)),
        rst(link(NOVA, 'https://x.example/nova')),
      ),
      expect: [
        {
          messageId: 'wrongLinkPreexisting',
          data: {
            name: NOVA,
            target: '"https://x.example/nova"',
            expected: 'https://opendev.org/openstack/nova',
          },
          severity: 'warning',
          line: 1,
          citations: [
            at('repos.rst', 1, `link of ${NOVA}: "https://x.example/nova"`),
            { ...atBase, file: 'repos.rst' },
          ],
        },
      ],
    },
    {
      name: 'a repository in two deliverables already at base',
      context: proposal(twoDeliverables('zun'), twoDeliverables()),
      expect: [
        {
          messageId: 'duplicateInDeliverablePreexisting',
          data: { name: NOVA, deliverable: '"nova-again"', firstLine: 5 },
          severity: 'warning',
          line: 8,
          citations: [
            at(
              'reference/projects.yaml',
              8,
              `entry ${NOVA} in deliverable "nova-again", listed again`,
            ),
            at('reference/projects.yaml', 5, `entry ${NOVA}, first listed`),
            { ...atBase, file: 'reference/projects.yaml' },
          ],
        },
      ],
    },
    {
      name: 'the 2025 wording replaces the bullets: oversight widened, a warning at the sentence',
      context: proposal(page2025(), rst(link(NOVA), link(SWIFT))),
      expect: [
        {
          messageId: 'oversightWidened',
          data: { clause: ALL_OFFICIAL_SENTENCE, count: 2 },
          severity: 'warning',
          line: 4,
          cite: {
            clause: ALL_OFFICIAL_SENTENCE,
            line: 4,
            resolution:
              'https://governance.openstack.org/tc/resolutions/20250317-extend-scope-VMT-cover-all-projects.html',
            listedAtBase: [NOVA, SWIFT],
          },
        },
      ],
    },
    {
      name: 'a page that already said so at base: nothing to say',
      context: proposal(page2025(), page2025()),
      expect: [],
    },
  ],
  invalid: [
    {
      name: 'the page stops saying every official repository is overseen: oversight narrowed',
      context: proposal(rst(link(NOVA)), page2025()),
      expect: [
        {
          messageId: 'oversightNarrowed',
          data: { clause: ALL_OFFICIAL_SENTENCE, count: 1 },
          severity: 'error',
          line: 4,
          citations: [
            at('repos.rst', 4, `"${ALL_OFFICIAL_SENTENCE}"`),
            {
              source: 'governance',
              text: 'TC resolution 20250317: the VMT oversees every official repository',
              repository: 'openstack/governance',
              url: 'https://governance.openstack.org/tc/resolutions/20250317-extend-scope-VMT-cover-all-projects.html',
            },
          ],
        },
      ],
    },
    {
      name: 'a duplicate the change adds',
      context: proposal(native(NOVA, SWIFT, NOVA), native(NOVA, SWIFT)),
      expect: [
        {
          messageId: 'duplicate',
          data: { name: NOVA, firstLine: 2 },
          severity: 'error',
          line: 4,
          citations: [
            at('repos.yaml', 4, `entry ${NOVA}, listed again`),
            at('repos.yaml', 2, `entry ${NOVA}, first listed`),
          ],
        },
      ],
    },
    {
      name: 'a repository in two governance deliverables',
      context: proposal(twoDeliverables()),
      expect: [
        {
          messageId: 'duplicateInDeliverable',
          data: { name: NOVA, deliverable: '"nova-again"', firstLine: 5 },
          severity: 'error',
          line: 8,
          citations: [
            at(
              'reference/projects.yaml',
              8,
              `entry ${NOVA} in deliverable "nova-again", listed again`,
            ),
            at('reference/projects.yaml', 5, `entry ${NOVA}, first listed`),
          ],
        },
      ],
    },
    {
      name: 'an rst link to another repository, at its target',
      context: proposal(rst(link(NOVA, 'https://opendev.org/openstack/neutron'))),
      expect: [
        {
          messageId: 'wrongLink',
          data: {
            name: NOVA,
            target: '"https://opendev.org/openstack/neutron"',
            expected: 'https://opendev.org/openstack/nova',
          },
          severity: 'error',
          line: 1,
          citations: [
            at('repos.rst', 1, `link of ${NOVA}: "https://opendev.org/openstack/neutron"`),
          ],
        },
      ],
    },
    {
      name: 'a second list file beside the list at base',
      context: proposal(native(NOVA), native(NOVA), {
        paths: ['vmt-oversight.yaml'],
        listed: 'repos.yaml',
        listDeleted: false,
        listIsNew: false,
      }),
      expect: [
        {
          messageId: 'secondList',
          data: { path: 'vmt-oversight.yaml', listed: 'repos.yaml', why: 'the list at base' },
          severity: 'error',
          citations: [
            {
              source: 'list',
              text: 'file vmt-oversight.yaml, added by the change',
              file: 'vmt-oversight.yaml',
            },
            {
              source: 'list',
              text: 'list repos.yaml, judged (the list at base)',
              file: 'repos.yaml',
            },
          ],
        },
      ],
    },
    {
      name: 'a new list file while the list is deleted',
      context: proposal(native(), native(NOVA), {
        paths: ['vmt-oversight.yaml'],
        listed: 'repos.yaml',
        listDeleted: true,
        listIsNew: false,
      }),
      expect: [
        {
          messageId: 'replacingList',
          data: { path: 'vmt-oversight.yaml', listed: 'repos.yaml' },
          severity: 'error',
          citations: [
            {
              source: 'list',
              text: 'file vmt-oversight.yaml, added by the change',
              file: 'vmt-oversight.yaml',
            },
            { source: 'list', text: 'list repos.yaml, deleted by the change', file: 'repos.yaml' },
          ],
        },
      ],
    },
  ],
});
