import { finding, mixedReport, report, REPORTER_CONTEXT } from '../../test/zuul/report-fixture';
import { escapeHtml, htmlReporter, toHtml } from './html';
import { reporters } from './index';
import { ruleHelpUri } from './rule-docs';

const INJECTED = '<img src=x onerror=alert(1)>';

/** The text of a page without its markup, with entities decoded, whitespace collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('html reporter', () => {
  it('is registered for --format html', () => {
    expect(reporters.html).toBe(htmlReporter);
  });

  it('is one self-contained page: no scripts, no external assets', () => {
    const html = toHtml(mixedReport(), REPORTER_CONTEXT.rules);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|@import/i);
    // The only URLs are the rule doc links.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/opendev\.org\/.*\/README\.md$/);
  });

  it('shows the header, the verdict and vote, and the changes', () => {
    const html = toHtml(
      report([finding()], {
        changes: {
          added: ['openstack/sushy'],
          removed: ['openstack/aodh', 'openstack/zaqar'],
          modified: [],
        },
      }),
      REPORTER_CONTEXT.rules,
    );
    const text = visibleText(html);
    expect(html).toContain('<title>vmt-oversight: FAIL — repos-overseen.yaml</title>');
    expect(text).toContain('List repos-overseen.yaml (native format)');
    expect(text).toContain('base 111111111111 → head 222222222222');
    expect(text).toContain('As of 2026-01-15');
    expect(html).toContain('<section class="verdict verdict-fail" aria-label="Verdict">');
    expect(text).toContain('FAIL vote -1 1 error, 0 warnings, 0 notes');
    expect(text).toContain(
      'Added (1) openstack/sushy Removed (2) openstack/aodh openstack/zaqar Modified (0) none',
    );
  });

  it('says pass, inconclusive (no vote) and no changes plainly', () => {
    const pass = visibleText(
      toHtml(
        report([], { changes: { added: [], removed: [], modified: [] } }),
        REPORTER_CONTEXT.rules,
      ),
    );
    expect(pass).toContain('PASS vote +1 0 errors, 0 warnings, 0 notes');
    expect(pass).toContain('No repository was added, removed or modified.');
    expect(pass).toContain('No findings.');
    const inconclusive = toHtml(
      report([finding({ rule: 'evidence-unavailable', clause: '—' })], {
        verdict: 'inconclusive',
        vote: 0,
      }),
      REPORTER_CONTEXT.rules,
    );
    expect(inconclusive).toContain('verdict-inconclusive');
    expect(visibleText(inconclusive)).toContain(
      'INCONCLUSIVE no vote 1 error, 0 warnings, 0 notes Some evidence could not be gathered',
    );
  });

  it('groups findings: the list first, then repositories by name, errors first', () => {
    const html = toHtml(
      report([
        finding({ repository: 'openstack/zaqar', message: 'zaqar finding' }),
        ...mixedReport().findings,
        finding({ repository: 'openstack/aodh', message: 'aodh finding', severity: 'warning' }),
      ]),
      REPORTER_CONTEXT.rules,
    );
    const headings = [...html.matchAll(/<h3>(.*?)<\/h3>/g)].map((m) => visibleText(m[1] ?? ''));
    expect(headings).toEqual([
      'The list repos-overseen.yaml',
      'openstack/aodh',
      'openstack/sushy',
      'openstack/zaqar',
    ]);
    const sushy = html.slice(
      html.indexOf('<h3><code>openstack/sushy'),
      html.indexOf('zaqar</code>'),
    );
    const rows = [...sushy.matchAll(/<tr class="finding severity-(\w+)">/g)].map((m) => m[1]);
    expect(rows).toEqual(['error', 'error', 'info']);
  });

  it('shows severity, clause, rule link, list line, message and evidence of a finding', () => {
    const html = toHtml(report([finding()]), REPORTER_CONTEXT.rules);
    const row = /<tr class="finding severity-error">.*?<\/tr><\/tbody><\/table><\/td><\/tr>/s.exec(
      html,
    )?.[0];
    expect(row).toBeDefined();
    expect(row).toContain('<span class="severity">error</span>');
    expect(row).toContain('<td class="clause">clause 3</td>');
    expect(row).toContain(
      `<a class="rule" href="${ruleHelpUri('versioned-releases')}" title="The repository has at least one official (final) release.">versioned-releases</a>`,
    );
    expect(row).toContain('<td class="where">repos-overseen.yaml:12</td>');
    expect(row).toContain('<p class="message">openstack/sushy has no official final release</p>');
    expect(row).toContain(
      '<table class="evidence"><caption>Evidence</caption><tbody>' +
        '<tr><th scope="row">deliverable</th><td>deliverables/2025.1/sushy.yaml</td></tr>' +
        '<tr><th scope="row">tags</th><td>[&quot;1.0.0rc1&quot;]</td></tr>' +
        '</tbody></table>',
    );
  });

  it('labels findings without a clause or a line', () => {
    const html = toHtml(
      report([
        finding({ rule: 'list-schema', clause: '—', line: null, file: null, evidence: {} }),
        finding({ rule: 'removal', clause: 'Deprecation', line: 7, file: null }),
      ]),
      REPORTER_CONTEXT.rules,
    );
    expect(html).toContain('<td class="clause">—</td>');
    expect(html).toContain('<td class="where">—</td>');
    expect(html).toContain('<td class="clause">the Deprecation section</td>');
    expect(html).toContain('<td class="where">line 7</td>');
  });

  it('escapes everything that comes from the report', () => {
    const hostile = report(
      [
        finding({
          repository: `openstack/${INJECTED}`,
          message: `bad ${INJECTED} "quoted" & 'single'`,
          file: '<b>list</b>.yaml',
          evidence: { [`<i>key</i>`]: `<a href="javascript:alert(1)">x</a>`, nested: [INJECTED] },
        }),
      ],
      {
        list: { path: '</title><script>alert(1)</script>', format: 'native' },
        base: '"><svg onload=alert(1)>',
        head: '<u>head</u>',
        asOf: '<s>2026</s>',
        changes: { added: [INJECTED], removed: [], modified: [`<b>m</b>`] },
        tool: { name: 'vmt-oversight', version: '<blink>' },
      },
    );
    const html = toHtml(hostile, REPORTER_CONTEXT.rules);
    expect(html).not.toMatch(/<(img|script|svg|b|i|u|s|blink)[\s>]/);
    expect(html).not.toContain('<a href="javascript');
    expect(html).toContain(
      'bad &lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &amp; &#39;single&#39;',
    );
    expect(visibleText(html)).toContain(`bad ${INJECTED} "quoted" & 'single'`);
    expect(visibleText(html)).toContain(`openstack/${INJECTED}`);
  });

  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('only turns known severities and verdicts into class names', () => {
    const odd = report([finding({ severity: 'x" onclick="y' as never })], {
      verdict: 'x" onclick="y' as never,
    });
    const html = toHtml(odd, REPORTER_CONTEXT.rules);
    expect(html).not.toContain('onclick="y');
    expect(html).toContain('<tr class="finding severity-info">');
    expect(html).toContain('verdict verdict-inconclusive');
  });

  it('is deterministic', () => {
    expect(htmlReporter(mixedReport(), { ...REPORTER_CONTEXT, color: true })).toBe(
      htmlReporter(mixedReport(), REPORTER_CONTEXT),
    );
  });
});
