import type { Expected, RunInput } from '../test-helpers';
import { change, entry, mismatches, repository, runRule, tag } from '../test-helpers';
import { rule } from './index';

const brick = 'openstack/os-brick';
const tags = [
  tag('6.0.0', '2025-03-01'),
  tag('6.14.0', '2026-02-01'),
  tag('7.0.0.0rc1', '2026-03-01'),
  tag('7.0.0', '2026-03-12'),
  tag('7.1.0', '2026-07-01'),
  tag('2024.1-eom', '2025-11-01'),
];
const ta = (date?: string) =>
  entry(brick, { 'threat-analysis': { url: 'https://example.org/ta', ...(date ? { date } : {}) } });

const cases: [string, RunInput, Expected[]][] = [
  [
    'none declared (rst)',
    {
      change: change('added', entry(brick)),
      evidence: { repository: repository({ tags }) },
      format: 'rst',
    },
    [{ severity: 'warning', message: ['No threat analysis', 'clause 8'] }],
  ],
  [
    'after the latest major release',
    { change: change('added', ta('2026-05-01')), evidence: { repository: repository({ tags }) } },
    [
      {
        severity: 'info',
        field: 'threat-analysis',
        message: ['not older than the latest major release 7.0.0'],
      },
    ],
  ],
  [
    'older than the latest major release',
    { change: change('added', ta('2025-06-01')), evidence: { repository: repository({ tags }) } },
    [
      {
        severity: 'info',
        field: 'threat-analysis',
        message: ['predates the latest major release 7.0.0 (2026-03-12)'],
      },
    ],
  ],
  [
    'before a major release tagged after the date: still current on the date',
    {
      change: change('added', ta('2025-06-01')),
      evidence: { repository: repository({ tags }) },
      asOf: '2026-03-11',
    },
    [
      {
        severity: 'info',
        field: 'threat-analysis',
        message: ['not older than the latest major release 6.0.0'],
      },
    ],
  ],
  [
    'undated',
    { change: change('added', ta()), evidence: { repository: repository({ tags }) } },
    [{ severity: 'info', field: 'threat-analysis', message: ['undated'] }],
  ],
  [
    'repository unavailable',
    {
      change: change('added', ta('2025-06-01')),
      missing: { repository: 'not under --repos-root' },
    },
    [
      {
        severity: 'info',
        field: 'threat-analysis',
        message: ['freshness not checked: not under --repos-root'],
      },
    ],
  ],
];

describe('threat-analysis', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(mismatches(runRule(rule, input), expected)).toEqual([]);
  });

  it('never blocks', () => {
    expect(rule.meta.canBlock).toBe(false);
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.needs(change('added', entry(brick)))).toEqual([]);
  });
});
