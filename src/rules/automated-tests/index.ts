import { citeRepositoryFile } from '../../openstack/cite';
import { defineRule } from '../define';
import { reportCi } from './ci';
import { reportLocal } from './local';
import { messages } from './messages';

export const rule = defineRule({
  scope: 'repository',
  meta: {
    id: 'automated-tests',
    clause: '7',
    title: "Tests run in OpenStack CI's check and gate pipelines and can run locally.",
    defaultSeverity: 'error',
    canBlock: true,
    needs: ['repository'],
    wants: ['projectConfig'],
    messages,
  },
  appliesTo: (change) => change.kind !== 'removed',
  check(context) {
    // A repository that did not exist yet had no tests: one finding, not "no Zuul, no tox".
    const notYet = context.evidence.repository.notYetCreated;
    if (notYet) {
      const { commit, date } = notYet.firstCommit;
      context.report({
        messageId: 'notYetCreated',
        data: { asOf: context.settings.asOf, firstCommit: date.slice(0, 10) },
        severity: 'error',
        cite: { notYetCreated: true, firstCommit: { commit, date } },
        citations: [
          citeRepositoryFile(
            context.evidence.repository.name,
            commit,
            `first commit, ${date.slice(0, 10)}`,
          ),
        ],
      });
      return;
    }
    reportCi(context);
    reportLocal(context);
  },
});
