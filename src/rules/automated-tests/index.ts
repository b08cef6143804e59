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
    reportCi(context);
    reportLocal(context);
  },
});
