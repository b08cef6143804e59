import Ajv from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { finding, mixedReport, report, REPORTER_CONTEXT } from '../../test/zuul/report-fixture';
import { allRuleMetas } from '../rules';
import { ruleDocsWithPages } from '../cli/rule-pages';
import { createSarifReporter, pathToUri, sarifReporter, toSarif } from './sarif';

/**
 * The official SARIF 2.1.0 schema (OASIS, as published to SchemaStore: 2.1.0-rtm.5), as shipped
 * inside Microsoft's `@microsoft/jest-sarif` package. It is draft-04, hence ajv-draft-04.
 */
const SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function sarifValidator(): ValidateFunction {
  // The schema's `language` pattern has a stray `]`, invalid in a unicode regexp: plain RegExps.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(value));
  ajv.addFormat('uri-reference', (value: string) => !/\s/.test(value));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
}

const validate = sarifValidator();

function expectValidSarif(log: unknown): void {
  const valid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('sarif reporter', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    expectValidSarif(JSON.parse(sarifReporter(mixedReport(), REPORTER_CONTEXT)));
    expectValidSarif(toSarif(report([]), REPORTER_CONTEXT));
  });

  it('the validator really rejects invalid SARIF', () => {
    const log = toSarif(mixedReport(), REPORTER_CONTEXT) as unknown as {
      runs: { results: { level: string }[] }[];
    };
    const result = log.runs[0]?.results[0];
    if (result) result.level = 'fatal';
    expect(validate(log)).toBe(false);
    const noLine = toSarif(report([finding()]), REPORTER_CONTEXT) as unknown as {
      runs: { results: { locations: { physicalLocation: { region: object } }[] }[] }[];
    };
    const location = noLine.runs[0]?.results[0]?.locations[0];
    if (location) location.physicalLocation.region = { startLine: 0 };
    expect(validate(noLine)).toBe(false);
  });

  it('lists one rule per rule id present, with its doc, and indexes results into it', () => {
    const run = toSarif(mixedReport(), REPORTER_CONTEXT).runs[0];
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([
      'embargo',
      'list-consistency',
      'official-project',
      'versioned-releases',
    ]);
    const rule = run.tool.driver.rules[3];
    const meta = allRuleMetas().find((m) => m.id === 'versioned-releases');
    expect(rule?.name).toBe('VersionedReleases');
    expect(rule?.shortDescription.text).toBe(meta?.title);
    expect(rule?.fullDescription.text).toContain('clause 3');
    expect(rule).not.toHaveProperty('helpUri');
    expect(rule?.help.text).toContain('clause 3');
    expect(run.automationDetails).toEqual({ id: 'vmt-oversight/repos-overseen.yaml/' });
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    }
  });

  it("takes help and the full description from the rule's doc page", () => {
    const rules = ruleDocsWithPages();
    const log = toSarif(mixedReport(), { rules });
    expectValidSarif(log);
    const rule = log.runs[0].tool.driver.rules.find((r) => r.id === 'versioned-releases');
    const page = rules.find((r) => r.id === 'versioned-releases')?.page ?? '';
    expect(page).not.toBe('');
    expect(rule?.help).toEqual({ text: page.trim(), markdown: page.trim() });
    expect(rule?.fullDescription.text).not.toMatch(/^#/);
    expect(rule?.fullDescription.text.length).toBeGreaterThan(10);
    for (const driverRule of log.runs[0].tool.driver.rules) {
      expect(driverRule).not.toHaveProperty('helpUri');
      expect(driverRule.name).toMatch(/^[A-Z][A-Za-z]+$/);
    }
  });

  it('gives every located result a region', () => {
    const run = toSarif(mixedReport(), REPORTER_CONTEXT).runs[0];
    for (const [index, result] of run.results.entries()) {
      const located = mixedReport().findings[index]?.line !== null;
      expect(result.locations[0]?.physicalLocation.region !== undefined).toBe(located);
    }
  });

  it('maps severities and locations', () => {
    const run = toSarif(mixedReport(), REPORTER_CONTEXT).runs[0];
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['versioned-releases', 'error'],
      ['list-consistency', 'warning'],
      ['embargo', 'note'],
      ['official-project', 'error'],
    ]);
    expect(run.results[0]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'repos-overseen.yaml' },
      region: { startLine: 12 },
    });
    expect(run.results[3]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'repos-overseen.yaml' },
    });
    expect(run.results[0]?.message.text).toBe(
      'openstack/sushy: openstack/sushy has no official final release',
    );
    expect(run.properties.verdict).toBe('fail');
  });

  it('prefers the metadata it is given and the docs base it is told', () => {
    const reporter = createSarifReporter({ docsBaseUri: 'https://example.org/docs/' });
    const rules = [
      { id: 'versioned-releases', clause: '3', title: 'Custom title.', defaultSeverity: 'error' },
    ] as const;
    const log = JSON.parse(reporter(report([finding()]), { color: false, rules })) as ReturnType<
      typeof toSarif
    >;
    const rule = log.runs[0].tool.driver.rules[0];
    expect(rule?.shortDescription.text).toBe('Custom title.');
    expect(rule?.helpUri).toBe('https://example.org/docs/versioned-releases/README.md');
    expectValidSarif(log);
  });

  it('encodes paths as relative URI references', () => {
    expect(pathToUri('doc/source/repos overseen.rst')).toBe('doc/source/repos%20overseen.rst');
    const log = toSarif(report([finding({ file: 'a b/c#d.yaml', column: 3 })]), REPORTER_CONTEXT);
    expectValidSarif(log);
    expect(log.runs[0].results[0]?.locations[0]?.physicalLocation.region).toEqual({
      startLine: 12,
      startColumn: 3,
    });
  });
});
