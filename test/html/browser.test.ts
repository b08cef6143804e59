/**
 * The `--format html` page as a user sees it: rendered by a real Chromium (Debian's `chromium`,
 * driven by playwright-core), loaded from a file:// URL. One browser launch for the whole file.
 * Skipped only when /usr/bin/chromium is absent and CI is unset; under CI it must run (.ci/run
 * installs Debian chromium).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { toHtml } from '../../src/report/html';
import { ruleHelpUri } from '../../src/report/rule-docs';
import { finding, mixedReport, REPORTER_CONTEXT } from '../zuul/report-fixture';

const CHROMIUM = '/usr/bin/chromium';
const INJECTED = '<img src=x onerror=alert(1)>';

const available = existsSync(CHROMIUM);
if (!available && process.env.CI) {
  throw new Error(`${CHROMIUM} is required in CI (install Debian chromium; .ci/run does)`);
}
if (!available) {
  process.stderr.write(
    `SKIPPED test/html/browser.test.ts: ${CHROMIUM} is not installed (apt-get install chromium)\n`,
  );
}
const describeWithChromium = available ? describe : describe.skip;

describeWithChromium('the HTML report in a real browser (Debian chromium)', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vmt-html-'));
    const base = mixedReport();
    const report = {
      ...base,
      changes: { added: ['openstack/sushy'], removed: ['openstack/aodh'], modified: [] },
      findings: [
        ...base.findings,
        finding({
          repository: 'openstack/aodh',
          rule: 'removal',
          clause: 'Deprecation',
          message: `removal is not allowed ${INJECTED}`,
          line: 3,
          evidence: { series: '2025.2', status: 'maintained', note: INJECTED },
        }),
      ],
    };
    const file = join(dir, 'report.html');
    writeFileSync(file, toHtml(report, REPORTER_CONTEXT.rules));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      timeout: 30000,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the verdict and the vote', async () => {
    const verdict = page.locator('section.verdict');
    expect(await verdict.locator('.verdict-word').innerText()).toBe('FAIL');
    expect(await verdict.innerText()).toContain('vote -1');
    expect(await page.title()).toBe('vmt-oversight: FAIL — repos-overseen.yaml');
  });

  it('shows a heading for each repository, the list first', async () => {
    expect(await page.locator('h3').allInnerTexts()).toEqual([
      'The list repos-overseen.yaml',
      'openstack/aodh',
      'openstack/sushy',
    ]);
  });

  it("shows a finding's message and evidence", async () => {
    const messages = await page.locator('.message').allInnerTexts();
    expect(messages).toContain('openstack/sushy has no official final release');
    const row = page.locator('tr.finding', { hasText: 'has no official final release' });
    expect(await row.locator('.severity').innerText()).toBe('ERROR');
    expect(await row.locator('table.evidence th').allInnerTexts()).toEqual(['deliverable', 'tags']);
    expect(await row.locator('table.evidence td').allInnerTexts()).toEqual([
      'deliverables/2025.1/sushy.yaml',
      '["1.0.0rc1"]',
    ]);
  });

  it('renders injected markup as text: no element, no script run, nothing fetched', async () => {
    expect(await page.$('img')).toBeNull();
    expect(await page.locator('.message', { hasText: 'removal is not allowed' }).innerText()).toBe(
      `removal is not allowed ${INJECTED}`,
    );
    expect(await page.locator('table.evidence td', { hasText: 'onerror' }).innerText()).toBe(
      INJECTED,
    );
    expect(dialogs).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
  });

  it("links each rule to the rule's doc page", async () => {
    const link = page.getByRole('link', { name: 'versioned-releases' });
    expect(await link.getAttribute('href')).toBe(ruleHelpUri('versioned-releases'));
    const removal = page.getByRole('link', { name: 'removal' });
    expect(await removal.getAttribute('href')).toBe(
      'https://opendev.org/openstack/vmt-oversight/src/branch/master/src/rules/removal/README.md',
    );
  });
});
