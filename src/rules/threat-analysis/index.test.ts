import { testRule, type Expected } from '../../../test/helpers/rule-tester';
import { LIST_FILE, change, entry, repository, tag } from '../../../test/helpers/evidence-fixtures';
import type { Citation } from '../../findings/finding';
import { rule } from './index';

const brick = 'openstack/os-brick';
const tags = [
  tag('6.0.0', '2025-03-01', { commit: '6'.repeat(40) }),
  tag('6.14.0', '2026-02-01'),
  tag('7.0.0.0rc1', '2026-03-01'),
  tag('7.0.0', '2026-03-12', { commit: '7'.repeat(40) }),
  tag('7.1.0', '2026-07-01'),
  tag('2024.1-eom', '2025-11-01'),
];
const ta = (date?: string) =>
  entry(brick, { 'threat-analysis': { url: 'https://example.org/ta', ...(date ? { date } : {}) } });
type MessageId = keyof typeof rule.meta.messages;

/** An info on the declared threat-analysis field (line 11). */
const onField = (
  messageId: MessageId,
  data?: Record<string, string>,
  citations?: Citation[],
): Expected<MessageId> => ({
  messageId,
  ...(data ? { data } : {}),
  severity: 'info',
  field: 'threat-analysis',
  line: 11,
  ...(citations ? { citations } : {}),
});

const field = (text: string): Citation => ({ source: 'list', text, file: LIST_FILE, line: 11 });
const majorTag = (name: string, date: string): Citation => {
  const commit = name.charAt(0).repeat(40);
  return {
    source: 'repository',
    text: `last major release tag ${name}, ${date}`,
    repository: brick,
    commit,
    url: `https://opendev.org/${brick}/commit/${commit}`,
  };
};

testRule(rule, {
  valid: [
    {
      name: 'none declared (rst)',
      change: change('added', entry(brick)),
      evidence: { repository: repository({ tags }) },
      format: 'rst',
      expect: [
        {
          messageId: 'notDeclared',
          severity: 'warning',
          citations: [
            {
              source: 'list',
              text: `entry ${brick}, no threat-analysis`,
              file: LIST_FILE,
              line: 10,
            },
          ],
        },
      ],
    },
    {
      name: 'none declared on a modified entry: still a warning, never more',
      change: change('modified', entry(brick), { changedFields: ['team'] }),
      evidence: { repository: repository({ tags }) },
      expect: [{ messageId: 'notDeclared', severity: 'warning' }],
    },
    {
      name: 'after the latest major release',
      change: change('added', ta('2026-05-01')),
      evidence: { repository: repository({ tags }) },
      expect: [
        onField(
          'currentSinceMajor',
          { date: '2026-05-01', release: '7.0.0', releaseDate: '2026-03-12' },
          [
            field('threat-analysis: https://example.org/ta, 2026-05-01'),
            majorTag('7.0.0', '2026-03-12'),
          ],
        ),
      ],
    },
    {
      name: 'older than the latest major release',
      change: change('added', ta('2025-06-01')),
      evidence: { repository: repository({ tags }) },
      expect: [
        onField(
          'predatesMajor',
          { date: '2025-06-01', release: '7.0.0', releaseDate: '2026-03-12' },
          [
            field('threat-analysis: https://example.org/ta, 2025-06-01'),
            majorTag('7.0.0', '2026-03-12'),
          ],
        ),
      ],
    },
    {
      name: 'before a major release tagged after the date: still current on the date',
      change: change('added', ta('2025-06-01')),
      evidence: { repository: repository({ tags }) },
      asOf: '2026-03-11',
      expect: [
        onField('currentSinceMajor', {
          date: '2025-06-01',
          release: '6.0.0',
          releaseDate: '2025-03-01',
        }),
      ],
    },
    {
      name: 'no major release tagged yet',
      change: change('audited', ta('2025-06-01')),
      evidence: { repository: repository({ tags: [tag('0.1.0', '2025-01-01')] }) },
      expect: [
        onField('noMajorYet', { date: '2025-06-01' }, [
          field('threat-analysis: https://example.org/ta, 2025-06-01'),
          {
            source: 'repository',
            text: 'no major release tag (X.0.0) on or before 2026-08-21',
            repository: brick,
            commit: 'c'.repeat(40),
            url: `https://opendev.org/${brick}/commit/${'c'.repeat(40)}`,
          },
        ]),
      ],
    },
    {
      name: 'undated',
      change: change('added', ta()),
      evidence: { repository: repository({ tags }) },
      expect: [
        onField('undated', undefined, [field('threat-analysis: https://example.org/ta, undated')]),
      ],
    },
    {
      name: 'repository unavailable',
      change: change('added', ta('2025-06-01')),
      missing: { repository: 'not under --repos-root' },
      expect: [
        onField('freshnessUnchecked', { date: '2025-06-01', reason: 'not under --repos-root' }, [
          field('threat-analysis: https://example.org/ta, 2025-06-01'),
        ]),
      ],
    },
    {
      name: 'a deleted entry is not judged',
      change: change('removed', entry(brick)),
      evidence: { repository: repository({ tags }) },
      expect: [],
    },
  ],
  invalid: [],
});

describe('threat-analysis metadata', () => {
  it('never blocks and needs nothing', () => {
    expect(rule.meta.canBlock).toBe(false);
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.meta.needs).toEqual([]);
  });
});
