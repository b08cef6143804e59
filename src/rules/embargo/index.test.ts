import { testRule } from '../../../test/helpers/rule-tester';
import { change, entry, LIST_FILE } from '../../../test/helpers/evidence-fixtures';
import { rule } from './index';

const sushy = 'openstack/sushy';
const maximum = 90;

testRule(rule, {
  valid: [
    {
      name: 'undeclared (rst, governance, or native without the field)',
      change: change('added', entry(sushy)),
      format: 'rst',
      expect: [
        {
          messageId: 'undeclared',
          data: { maximum },
          severity: 'info',
          citations: [
            {
              source: 'list',
              text: 'entry openstack/sushy, no embargo-days',
              file: LIST_FILE,
              line: 10,
            },
          ],
        },
      ],
    },
    {
      name: 'declared at the maximum',
      change: change('added', entry(sushy, { 'embargo-days': 90 })),
      expect: [
        {
          messageId: 'withinMaximum',
          data: { days: 90, maximum },
          severity: 'info',
          field: 'embargo-days',
          line: 11,
        },
      ],
    },
    {
      name: 'declared below the maximum, audited',
      change: change('audited', entry(sushy, { 'embargo-days': 30 })),
      expect: [
        {
          messageId: 'withinMaximum',
          data: { days: 30, maximum },
          severity: 'info',
          field: 'embargo-days',
          line: 11,
        },
      ],
    },
    {
      name: 'a deleted entry is not judged',
      change: change('removed', entry(sushy, { 'embargo-days': 120 })),
      expect: [],
    },
    {
      name: 'above the maximum on a modified entry that did not touch it: a warning',
      change: change('modified', entry(sushy, { 'embargo-days': 120 }), {
        changedFields: ['team'],
      }),
      expect: [
        {
          messageId: 'tooLong',
          data: { days: 120, maximum },
          severity: 'warning',
          field: 'embargo-days',
          line: 11,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'declared above the maximum',
      change: change('added', entry(sushy, { 'embargo-days': 91 })),
      expect: [
        {
          messageId: 'tooLong',
          data: { days: 91, maximum },
          severity: 'error',
          field: 'embargo-days',
          line: 11,
          citations: [{ source: 'list', text: 'embargo-days: 91', file: LIST_FILE, line: 11 }],
        },
      ],
    },
    {
      name: 'changed above the maximum on a modified entry',
      change: change('modified', entry(sushy, { 'embargo-days': 120 }), {
        changedFields: ['embargo-days'],
      }),
      expect: [
        {
          messageId: 'tooLong',
          data: { days: 120, maximum },
          severity: 'error',
          field: 'embargo-days',
          line: 11,
        },
      ],
    },
  ],
});
