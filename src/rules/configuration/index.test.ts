import { testListRule } from '../../../test/helpers/rule-tester';
import type { ConfigSettings } from '../../evidence/config-change';
import { proposal as emptyProposal } from '../../../test/helpers/evidence-fixtures';
import { rule } from './index';

const file = '.vmt-oversight.yaml';
// The configuration rule reads only the configuration change; the list change is empty.
const proposal = emptyProposal();
const places = (changes: Record<string, string | null> = {}): ConfigSettings['places'] => ({
  list: 'repos-overseen.yaml',
  releases: '../releases',
  'zuul.gerrit': 'https://review.opendev.org',
  ...changes,
});
const settings = (
  rules: ConfigSettings['rules'] = {},
  changes: Record<string, string | null> = {},
): ConfigSettings => ({ rules, places: places(changes) });
const base = settings({ 'team-consent': 'error' });
const edit = (head: ConfigSettings) => ({
  proposal,
  configChange: { file, base, head: { state: 'valid' as const, settings: head } },
  ruleDefaults: { 'team-consent': 'warning', removal: 'error' } as const,
});

testListRule(rule, {
  valid: [
    { name: 'no change to the configuration: nothing to say', context: { proposal }, expect: [] },
    {
      name: 'an edit that weakens nothing',
      context: edit(settings({ 'team-consent': 'error', removal: 'error' })),
      expect: [
        {
          messageId: 'edited',
          data: { file },
          severity: 'info',
          file,
          citations: [{ source: 'configuration', text: `${file}, edited by the change`, file }],
        },
      ],
    },
    {
      name: 'a rule set below its level at base',
      context: edit({
        ...settings({ 'team-consent': 'warning' }),
        lines: { 'rules.team-consent': 4 },
      }),
      expect: [
        {
          messageId: 'weakened',
          data: { what: 'weakens team-consent (error → warning)', file },
          severity: 'warning',
          file,
          cite: { weakened: ['team-consent (error → warning)'], paths: [] },
          citations: [
            {
              source: 'configuration',
              text: 'rules.team-consent: warning (error at base)',
              file,
              line: 4,
            },
          ],
        },
      ],
    },
    {
      name: 'a rule turned off below its default, and a moved Gerrit',
      context: edit(
        settings(
          { 'team-consent': 'error', removal: 'off' },
          { 'zuul.gerrit': 'https://x.example' },
        ),
      ),
      expect: [
        {
          messageId: 'weakened',
          data: { what: 'weakens removal (error → off) and changes zuul.gerrit', file },
          severity: 'warning',
          file,
          citations: [
            { source: 'configuration', text: 'rules.removal: off (error by default)', file },
            {
              source: 'configuration',
              text: 'zuul.gerrit: https://x.example (https://review.opendev.org at base)',
              file,
            },
          ],
        },
      ],
    },
    {
      name: 'the file deleted',
      context: { proposal, configChange: { file, base, head: { state: 'deleted' } } },
      expect: [
        {
          messageId: 'deleted',
          data: { file },
          severity: 'warning',
          file,
          citations: [{ source: 'configuration', text: `${file}, deleted by the change`, file }],
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'an edit that leaves the file invalid',
      context: {
        proposal,
        configChange: { file, base, head: { state: 'invalid', reason: 'x is invalid: rules' } },
      },
      expect: [
        {
          messageId: 'invalid',
          data: { reason: 'x is invalid: rules' },
          severity: 'error',
          file,
          citations: [
            { source: 'configuration', text: `${file}, invalid as the change leaves it`, file },
          ],
        },
      ],
    },
  ],
});
