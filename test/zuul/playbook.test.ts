/**
 * The vmt-oversight-check run playbook, really run by ansible-playbook against this machine, in a
 * workspace laid out like Zuul's, with a stub zuul_return that records what it is handed.
 * The pre-run is only syntax-checked: Node.js is already here and the tool is built below.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANGE_FACT_OPTIONS } from '../../src/gerrit/client';
import type { Report } from '../../src/findings/report';
import { fakeChange, PROPOSER } from '../helpers/gerrit-model';
import { startFakeGerrit } from '../helpers/gerrit-server';
import { mergeReturned, runPlaybook, runPlaybookAsync } from './ansible';
import {
  baseConfig,
  buildTool,
  checkProposal,
  describeWithAnsible,
  example,
  keptReport,
  LIST,
  prepareProposal,
  RUN,
  type Proposal,
} from './proposal';
import {
  CHANGE,
  createWorkspace,
  LIST_PROJECT,
  TODAY,
  TOOL_PROJECT,
  zuulItem,
  zuulVars,
} from './workspace';
import { relaxationTests } from './relaxation';
import { assertValidZuulReturn } from './zuul-schema';

describeWithAnsible('the vmt-oversight-check playbook (real ansible-playbook)', () => {
  const proposals: Proposal[] = [];
  beforeAll(buildTool, 120_000);
  // VMT_KEEP_ZUUL_WORKSPACE=1 keeps the workspaces for a look after a failure.
  afterAll(() => {
    if (!process.env.VMT_KEEP_ZUUL_WORKSPACE) proposals.forEach((p) => p.workspace.cleanup());
  });

  it('passes a proposal that meets the policy, on a node, fetching the candidate, and keeps the report', () => {
    const passing = example('passing');
    const proposal = checkProposal('node', passing, { remoteOnly: ['openstack/example-service'] });
    proposals.push(proposal);
    const { run, workspace } = proposal;
    if (run.status !== 0) process.stderr.write(run.output); // the playbook's log, to see why
    expect({ status: run.status, output: run.output }).toEqual({
      status: 0,
      output: expect.any(String),
    });
    const returned = mergeReturned(run.returned);
    assertValidZuulReturn({ zuul: returned });
    const levels = Object.values(returned.file_comments)
      .flat()
      .map((c) => c.level);
    expect(levels).not.toContain('error');
    expect(returned.artifacts.map((a) => a.url)).toEqual([
      'vmt-oversight/report.json',
      'vmt-oversight/report.html',
      'vmt-oversight/summary.md',
    ]);
    for (const { url } of returned.artifacts)
      expect(existsSync(join(workspace.logRoot, url))).toBe(true);
    expect(readFileSync(join(workspace.logRoot, 'vmt-oversight', 'report.html'), 'utf8')).toMatch(
      /^<!DOCTYPE html>/i,
    );
    const report = keptReport(workspace);
    expect(report.verdict).toBe('pass');
    expect(report.changes.added).toEqual(['openstack/example-service']);
    // As of today, the day the build runs; the change's parent and the change.
    expect(report.asOf).toBe(TODAY);
    expect(report.list.path).toBe(LIST);
    // `zuul: gerrit: ''` at base reads no Gerrit: team-consent's evidence is unavailable.
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: 'evidence-unavailable',
        evidence: expect.objectContaining({ rule: 'team-consent', source: 'gerrit' }),
      }),
    );
    expect(existsSync(join(workspace.root, 'src/opendev.org/openstack/example-service.git'))).toBe(
      true,
    );
  });

  it('fails a proposal that adds a duplicate, on the executor, with the comment on its line', () => {
    const base = example('base');
    const duplicate = '  - name: openstack/python-exampleclient\n    team: Example Compute\n';
    const proposal = checkProposal('executor', `${base}${duplicate}`);
    proposals.push(proposal);
    const { run, workspace } = proposal;
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('The proposal does not meet the VMT oversight policy');
    const [fromFile] = run.returned;
    expect(fromFile?.args.file).toBe(join(workspace.logRoot, 'vmt-oversight', 'zuul.json'));
    const returned = mergeReturned(run.returned);
    assertValidZuulReturn({ zuul: returned });
    const duplicateLine = base.split('\n').length;
    const comments = returned.file_comments[LIST] ?? [];
    expect(comments).toContainEqual({
      line: duplicateLine,
      level: 'error',
      message: expect.stringContaining('[list-consistency]'),
    });
    expect(Object.keys(returned.file_comments)).toEqual([LIST]);
    expect(returned.warnings[0]).toMatch(/^vmt-oversight: FAIL \(vote -1\)/);
    expect(keptReport(workspace).verdict).toBe('fail');
  });

  it('fails the build on a configuration error, returning nothing', () => {
    const passing = example('passing');
    // A key the schema does not know, in .vmt-oversight.yaml at base.
    const proposal = checkProposal('node', passing, { config: () => `lists: ${LIST}\n` });
    proposals.push(proposal);
    const { run, workspace } = proposal;
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('usage or configuration error');
    expect(run.returned).toEqual([]);
    expect(existsSync(join(workspace.logRoot, 'vmt-oversight', 'report.json'))).toBe(false);
  });

  it('does not judge a change whose evidence depends on unmerged changes (Depends-On)', () => {
    const passing = example('passing');
    const proposal = checkProposal('node', passing, {
      ahead: [
        zuulItem('openstack/governance', '912300'),
        zuulItem('openstack/example-service', '912310', '3'),
        // An unmerged checker must not vote either.
        zuulItem(TOOL_PROJECT, '912330'),
        // A change to the list ahead of this one (a gate queue) is its base, not evidence.
        zuulItem(LIST_PROJECT, '912320'),
      ],
    });
    proposals.push(proposal);
    const { run, workspace } = proposal;
    expect(run.status).not.toBe(0);
    expect(run.output).toContain(
      'Not checked: the evidence depends on unmerged changes (' +
        'opendev.org/openstack/governance change 912300 ' +
        '(https://review.opendev.org/c/openstack/governance/+/912300), ' +
        'opendev.org/openstack/example-service change 912310 ' +
        '(https://review.opendev.org/c/openstack/example-service/+/912310), ' +
        'opendev.org/openstack/vmt-oversight change 912330 ' +
        '(https://review.opendev.org/c/openstack/vmt-oversight/+/912330)); ' +
        'recheck once they merge.',
    );
    const returned = mergeReturned(run.returned);
    assertValidZuulReturn({ zuul: returned });
    expect(returned.file_comments).toEqual({});
    expect(returned.artifacts).toEqual([]);
    expect(returned.warnings).toHaveLength(1);
    expect(returned.warnings[0]).toMatch(/^vmt-oversight: NOT CHECKED\. The evidence depends on/);
    expect(returned.warnings[0]).toContain('opendev.org/openstack/governance change 912300');
    expect(returned.warnings[0]).toContain('opendev.org/openstack/example-service change 912310');
    expect(returned.warnings[0]).not.toContain('912320');
    expect(returned.warnings[0]).toContain('recheck once they merge');
    // The check never ran: no report to mistake for a judgment.
    expect(existsSync(join(workspace.logRoot, 'vmt-oversight'))).toBe(false);
  });

  it('reads the change for team-consent from the Gerrit that .vmt-oversight.yaml names at base', async () => {
    const passing = example('passing');
    // The Gerrit's address goes into the base commit; the change (its head) is known after.
    const gerrit = await startFakeGerrit({ changes: [] });
    let report: Report;
    try {
      const prepared = prepareProposal('executor', passing, {
        config: (workspace) => baseConfig(workspace, gerrit.url),
      });
      proposals.push({
        workspace: prepared.workspace,
        run: { status: 0, output: '', returned: [] },
      });
      // Uploaded by someone who is neither the PTL nor a security liaison of Example Compute.
      gerrit.model.changes.push(
        fakeChange({
          number: Number(CHANGE),
          revisions: [{ sha: prepared.head, number: 2, uploader: PROPOSER, files: [LIST] }],
        }),
      );
      gerrit.expect({
        method: 'GET',
        path: `/changes/${CHANGE}?${CHANGE_FACT_OPTIONS.map((o) => `o=${o}`).join('&')}`,
      });
      const run = await runPlaybookAsync(RUN, prepared.workspace, 'executor', prepared.vars);
      if (run.status !== 0) process.stderr.write(run.output);
      expect(run.status).toBe(0);
      gerrit.verify();
      expect(gerrit.requests.map((r) => r.headers.authorization)).toEqual([undefined]);
      report = keptReport(prepared.workspace);
    } finally {
      await gerrit.close();
    }
    expect(report.verdict).toBe('pass');
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: 'team-consent',
        repository: 'openstack/example-service',
        severity: 'warning',
        message: expect.stringContaining(`Change ${CHANGE} was neither uploaded nor approved`),
      }),
    );
    const unavailable = report.findings.filter(
      (f) => f.rule === 'evidence-unavailable' && f.evidence.rule === 'team-consent',
    );
    expect(unavailable).toEqual([]);
  });

  it('has playbooks ansible-playbook accepts', () => {
    const workspace = createWorkspace('node');
    proposals.push({ workspace, run: { status: 0, output: '', returned: [] } });
    for (const playbook of [
      'playbooks/vmt-oversight-check/pre.yaml',
      RUN,
      'playbooks/vmt-oversight-test/pre.yaml',
      'playbooks/vmt-oversight-test/run.yaml',
    ]) {
      const run = runPlaybook(playbook, workspace, 'node', zuulVars(workspace, 'node', 'HEAD'), [
        '--syntax-check',
      ]);
      expect({ playbook, status: run.status, output: run.output }).toEqual({
        playbook,
        status: 0,
        output: expect.any(String),
      });
    }
  });

  relaxationTests(proposals);
});
