import { resolve } from 'node:path';
import type { Proposal } from '../diff/model';
import { proposal } from '../../test/helpers/evidence-fixtures';
import { repositoryRules } from '../rules';
import { createEvidenceProvider } from '../sources';
import { SOURCES } from '../sources/registry';
import type { SourceRegistry } from '../sources/source';
import { Unavailable } from '../sources/unavailable';
import { repositoryChanges } from './changes';
import { evaluate } from './evaluate';
import { verdictOf } from './verdict';

const DATA = resolve(__dirname, '../../test/fixtures/data');
const sources = {
  asOf: '2026-01-01',
  governance: resolve(DATA, 'governance'),
  projectConfig: resolve(DATA, 'project-config'),
};
const settings = { asOf: '2026-01-01', listFile: 'repos.yaml', format: 'native' as const };

/** A proposal adding openstack/sushy (team ironic) at line 4. */
function adding(): Proposal {
  const added = {
    name: 'openstack/sushy',
    location: { file: 'repos.yaml', line: 4 },
    declared: { team: 'ironic' },
    fieldLines: {},
  };
  return proposal({ added: [added] });
}

async function officialProject(registry: SourceRegistry) {
  const proposal = adding();
  const findings = await evaluate({
    proposal,
    changes: repositoryChanges(proposal),
    listRules: [],
    repositoryRules: repositoryRules.filter((rule) => rule.meta.id === 'official-project'),
    provider: createEvidenceProvider(sources, registry),
    settings,
  });
  return { findings, verdict: verdictOf(findings).verdict };
}

function governanceThrowing(error: Error): SourceRegistry {
  const read = () => Promise.reject(error);
  return { ...SOURCES, governance: { ...SOURCES.governance, read } };
}

describe('evidence a source could not read, by why', () => {
  it('says a TypeError in a source is a bug to report, never data to provide', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'name')");
    const { findings, verdict } = await officialProject(governanceThrowing(bug));
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({
      rule: 'evidence-unavailable',
      severity: 'error',
      evidence: { source: 'governance', kind: 'governance', internal: true },
    });
    expect(finding?.message).toBe(
      'Cannot check official-project (clause 2) for openstack/sushy: a bug in vmt-oversight ' +
        "(TypeError: Cannot read properties of undefined (reading 'name')) while reading " +
        'governance evidence for openstack/sushy. This is a bug in vmt-oversight: please ' +
        'report it with the evidence.',
    );
    expect(finding?.message).not.toContain('--governance');
    expect(verdict).toBe('inconclusive');
  });

  it('still asks for the data when the source says it is not given', async () => {
    const missing = new Unavailable('governance', 'no --governance given');
    const { findings, verdict } = await officialProject(governanceThrowing(missing));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(
      /: no --governance given\. Provide the governance data \(--governance\) and run again\.$/,
    );
    expect(findings[0]?.evidence).not.toHaveProperty('internal');
    // The finding cites the source it could not read, not a fact that was never read.
    expect(findings[0]?.citations).toEqual([
      {
        source: 'governance',
        text: 'openstack/governance, not read: no --governance given',
        repository: 'openstack/governance',
      },
    ]);
    expect(verdict).toBe('inconclusive');
  });

  it('judges as before when the source reads the data', async () => {
    const { findings } = await officialProject(SOURCES);
    expect(findings.filter((f) => f.rule === 'evidence-unavailable')).toEqual([]);
  });
});
