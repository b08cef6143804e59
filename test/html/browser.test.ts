/**
 * The `--format html` page as a user sees it: rendered by a real Chromium (Debian's `chromium`,
 * driven by playwright-core), loaded from a file:// URL. One browser launch for the whole file.
 * Skipped only when /usr/bin/chromium is absent and CI is unset; under CI it must run (.ci/run
 * installs Debian chromium).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { toHtml } from '../../src/report/html';
import { finding, mixedReport, REPORTER_CONTEXT } from '../zuul/report-fixture';

/** The example's failing proposal as a page (the golden file test/golden checks). */
const EXAMPLE_PAGE = join(__dirname, '..', 'golden', 'example', 'failing.html');
const WIDTHS = [390, 768, 1280];
/** The example's page, evidence and notes folded, stays short at any width. */
const MAX_HEIGHT = 8000;

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
    expect(await page.locator('section.findings h3').allInnerTexts()).toEqual([
      'The list repos-overseen.yaml',
      'openstack/aodh',
      'openstack/sushy',
    ]);
  });

  it("shows a finding's message, and its evidence folded", async () => {
    const card = page.locator('article.finding', { hasText: 'has no official final release' });
    expect(await card.locator('.severity').innerText()).toBe('ERROR');
    const evidence = card.locator('details.evidence');
    expect(await evidence.locator('td').first().isVisible()).toBe(false);
    await evidence.locator('summary').click();
    expect(await evidence.locator('th').allInnerTexts()).toEqual(['deliverable', 'tags']);
    expect(await evidence.locator('td').allInnerTexts()).toEqual([
      'deliverables/2025.1/sushy.yaml',
      '["1.0.0rc1"]',
    ]);
  });

  it('lists what blocks first, each linking to its finding', async () => {
    const links = page.locator('ol.blocks a');
    expect(await links.count()).toBe(3);
    for (const href of await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^#f-\d+$/);
      expect(await page.locator(href as string).getAttribute('class')).toContain('severity-error');
    }
  });

  it('renders injected markup as text: no element, no script run, nothing fetched', async () => {
    expect(await page.$('img')).toBeNull();
    expect(await page.locator('p.message', { hasText: 'removal is not allowed' }).innerText()).toBe(
      `removal is not allowed ${INJECTED}`,
    );
    expect(await page.locator('details.evidence td', { hasText: 'onerror' }).textContent()).toBe(
      INJECTED,
    );
    expect(dialogs).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
  });

  it('links each rule to its doc page in the page, never to another site', async () => {
    const link = page.locator('article.finding a.rule', { hasText: 'versioned-releases' }).first();
    expect(await link.getAttribute('href')).toBe('#rule-versioned-releases');
    const doc = page.locator('#rule-versioned-releases');
    expect(await doc.locator('summary').innerText()).toContain('versioned-releases');
    await link.click();
    expect(await page.evaluate('location.hash')).toBe('#rule-versioned-releases');
    await doc.locator('summary').click();
    expect(await doc.locator('.doc').innerText()).toContain('official');
    const hrefs = await page
      .locator('a')
      .evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    expect(hrefs.filter((href) => !href?.startsWith('#'))).toEqual([]);
  });
});

describeWithChromium("the example's HTML page at three widths (Debian chromium)", () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vmt-html-widths-'));
    const file = join(dir, 'failing.html');
    writeFileSync(file, readFileSync(EXAMPLE_PAGE, 'utf8'));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      timeout: 30000,
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(WIDTHS)(
    'at %i px: no horizontal overflow, first error on the first screen, bounded height',
    async (width) => {
      const height = width < 500 ? 844 : width < 1000 ? 1024 : 800;
      await page.setViewportSize({ width, height });
      // Evaluated in the page (strings: this project's TypeScript has no DOM types).
      const size = (await page.evaluate(
        '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, height: document.documentElement.scrollHeight })',
      )) as { scroll: number; client: number; height: number };
      expect(size.scroll).toBeLessThanOrEqual(size.client);
      expect(size.height).toBeLessThanOrEqual(MAX_HEIGHT);
      const first = await page.locator('ol.blocks li').first().boundingBox();
      expect(first).not.toBeNull();
      expect((first?.y ?? Infinity) + (first?.height ?? 0)).toBeLessThanOrEqual(height);
      const widest = (await page.evaluate(
        "Math.max(...[...document.querySelectorAll('body *')].map((e) => e.getBoundingClientRect().right))",
      )) as number;
      expect(widest).toBeLessThanOrEqual(width);
    },
  );
});
