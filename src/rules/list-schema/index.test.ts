import { testListRule } from '../../../test/helpers/rule-tester';
import { computeProposal } from '../../diff/compute';
import type { Proposal } from '../../diff/model';
import { parseList } from '../../list/parse';
import type { Citation } from '../../findings/finding';
import { rule } from './index';

const revisions = {
  base: { label: 'HEAD~1', commit: 'b'.repeat(40) },
  head: { label: 'HEAD', commit: 'c'.repeat(40) },
};
const list = (text: string) => parseList('repos.yaml', text);
const proposal = (head: string, base: string | null = null): { proposal: Proposal } => ({
  proposal: computeProposal(base === null ? null : list(base), list(head), revisions),
});
const GOOD = 'repositories:\n  - name: openstack/nova\n';
const BAD_NAME = 'repositories:\n  - name: "--upload-pack=x"\n';
const UNREADABLE = 'repositories: [\n';

/** The reader's diagnostic for `text`, as the rule passes it on. */
const diagnostic = (text: string) => list(text).problems[0]?.message ?? '';
const at = (text: string, line: number): Citation => ({
  source: 'list',
  text,
  file: 'repos.yaml',
  line,
});
const atBase: Citation = {
  source: 'list',
  text: 'also at base HEAD~1',
  file: 'repos.yaml',
  commit: 'b'.repeat(40),
};

testListRule(rule, {
  valid: [
    { name: 'a list that parses', context: proposal(GOOD), expect: [] },
    {
      name: 'an unsafe name already at base: a warning, saying so',
      context: proposal(`${BAD_NAME}  - name: openstack/nova\n`, BAD_NAME),
      expect: [
        {
          messageId: 'diagnosticPreexisting',
          data: { diagnostic: diagnostic(BAD_NAME) },
          severity: 'warning',
          line: 2,
          citations: [at('repos.yaml, line 2, column 5', 2), atBase],
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'an unknown field of an entry the change adds: cites the entry',
      context: proposal(`${GOOD}    embargo: 3\n`, 'repositories: []\n'),
      expect: [
        {
          messageId: 'diagnostic',
          data: { diagnostic: diagnostic(`${GOOD}    embargo: 3\n`) },
          severity: 'error',
          line: 3,
          citations: [at('entry openstack/nova, line 3, column 5', 3)],
        },
      ],
    },
    {
      name: 'an unsafe name the change adds',
      context: proposal(BAD_NAME, GOOD),
      expect: [
        {
          messageId: 'diagnostic',
          data: { diagnostic: diagnostic(BAD_NAME) },
          severity: 'error',
          line: 2,
          citations: [at('repos.yaml, line 2, column 5', 2)],
        },
      ],
    },
    {
      name: 'an unreadable list the change edits but leaves unreadable: it carries the error',
      context: proposal(`${UNREADABLE}# edited\n`, UNREADABLE),
      expect: [
        {
          messageId: 'diagnosticCarried',
          data: { diagnostic: diagnostic(`${UNREADABLE}# edited\n`) },
          severity: 'error',
          line: list(`${UNREADABLE}# edited\n`).problems[0]?.line ?? 0,
          citations: [at('repos.yaml, line 3, column 1', 3), atBase],
        },
      ],
    },
  ],
});
