/** What automated-tests can say, by id (the engine appends the clause). */
import type { RepositoryRuleContext } from '../define';

const ADD_TESTS =
  'Add test jobs or a test template (e.g. openstack-python3-jobs) to check and gate in zuul.yaml, ' +
  'zuul.d/, .zuul.yaml or .zuul.d/.';
const RUN_UNDER_EMBARGO =
  'security reviewers must be able to run the tests under embargo; add a tox.ini test ' +
  "environment (tox -e py3 per the PTI) or the language's own.";

export const messages = {
  notYetCreated:
    'No test could run on or before {{asOf}}: the repository had no commit by then (first ' +
    'commit {{firstCommit}}).',
  testsInCheckAndGate: 'Tests run in check ({{check}}) and gate ({{gate}}) {{where}}.',
  testsInOnePipeline:
    'Tests run in {{has}} only ({{tests}}) {{where}}: add a test job or template to {{lacks}} too.',
  onlyNonTests: `No automated test runs in OpenStack CI {{where}}: found only {{items}}, which are not tests. ${ADD_TESTS}`,
  noZuulProject: `No automated test runs in OpenStack CI {{where}}: found no Zuul project configuration. ${ADD_TESTS}`,
  runsLocally: 'Tests can run locally: {{entryPoints}}.',
  localUnreadable:
    'Cannot tell whether tests can run locally: {{unread}}; a reviewer must look at the file by hand.',
  noLocalEntryPoint: `No locally runnable test entry point: ${RUN_UNDER_EMBARGO}`,
  noLocalTestTarget: `No locally runnable test entry point (found {{found}}, none runs tests): ${RUN_UNDER_EMBARGO}`,
} as const;

export type MessageId = keyof typeof messages;

/** The rule's check context, as its helper modules report through it. */
export type Context = RepositoryRuleContext<'repository', 'projectConfig', MessageId>;
