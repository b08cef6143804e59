import { defineRule } from '../define';
import { citeEntry, citeField, declaredValue, onField } from '../evidence-values';

/** The policy's maximum embargo (clause 1). */
const MAX_EMBARGO_DAYS = 90;

export const rule = defineRule({
  scope: 'repository',
  meta: {
    id: 'embargo',
    clause: '1',
    title: `A declared embargo does not exceed the policy's ${MAX_EMBARGO_DAYS} days.`,
    defaultSeverity: 'error',
    canBlock: true,
    fields: ['embargo-days'],
    needs: [],
    wants: [],
    messages: {
      undeclared: "No embargo-days declared: the policy's {{maximum}}-day maximum applies.",
      tooLong:
        "embargo-days is {{days}}, above the policy's maximum of {{maximum}} days: set it to " +
        '{{maximum}} or less, or remove it.',
      withinMaximum: "embargo-days is {{days}}, within the policy's {{maximum}}-day maximum.",
    },
  },
  appliesTo: (change) => change.kind !== 'removed',
  check({ change, report }) {
    const days = change.entry.declared['embargo-days'];
    const maximum = MAX_EMBARGO_DAYS;
    if (days === undefined) {
      report({
        messageId: 'undeclared',
        data: { maximum },
        severity: 'info',
        cite: { declared: null, maximum, list: change.entry.location.file },
        citations: [citeEntry(change, `entry ${change.repository}, no embargo-days`)],
      });
      return;
    }
    const cite = { ...declaredValue(change, 'embargo-days'), declared: days, maximum };
    report({
      messageId: days > maximum ? 'tooLong' : 'withinMaximum',
      data: { days, maximum },
      severity: days > maximum ? 'error' : 'info',
      ...onField(change, 'embargo-days'),
      cite,
      citations: [citeField(change, 'embargo-days', `embargo-days: ${days}`)],
    });
  },
});
