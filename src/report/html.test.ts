import { finding, mixedReport, report, REPORTER_CONTEXT } from '../../test/zuul/report-fixture';
import { escapeHtml, htmlReporter, toHtml } from './html';
import { reporters } from './index';

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
    // No citation has a URL here: every link stays in the page (findings, rule docs).
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^#(f-\d+|rule-[a-z-]+)$/);
    for (const href of hrefs) expect(html).toContain(`id="${href?.slice(1)}"`);
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
    const start = html.indexOf('<h3><code>openstack/sushy');
    const sushy = html.slice(start, html.indexOf('<h3><code>openstack/zaqar', start));
    const cards = [...sushy.matchAll(/<article class="finding severity-(\w+)"/g)].map((m) => m[1]);
    expect(cards).toEqual(['error', 'error', 'info']);
    expect(sushy).toMatch(/<details class="notes">\n<summary>1 note /);
  });

  it('shows severity, rule link, clause, list line, message, citations and folded evidence', () => {
    const cited = finding({
      citations: [
        {
          source: 'governance',
          text: 'deliverable sushy (team ironic)',
          url: 'https://opendev.org/openstack/governance/src/commit/c7e4f290/reference/projects.yaml#L812',
        },
        { source: 'repository', text: 'tag 1.0.0rc1', url: 'javascript:alert(1)' },
      ],
    });
    const html = toHtml(report([cited]), REPORTER_CONTEXT.rules);
    const card = /<article class="finding severity-error" id="f-1">.*?<\/article>/s.exec(html)?.[0];
    expect(card).toBeDefined();
    expect(card).toContain('<span class="severity">error</span>');
    expect(card).toContain(
      '<a class="rule" href="#rule-versioned-releases">versioned-releases</a>',
    );
    expect(card).toContain('<span class="clause">clause 3</span>');
    expect(card).toContain('<span class="where">repos-overseen.yaml:12</span>');
    expect(card).toContain('<p class="message">openstack/sushy has no official final release</p>');
    expect(card).toContain(
      '<li><span class="source">governance</span> <a href="https://opendev.org/openstack/governance/src/commit/c7e4f290/reference/projects.yaml#L812">deliverable sushy (team ironic)</a></li>',
    );
    expect(card).toContain('<li><span class="source">repository</span> tag 1.0.0rc1</li>');
    expect(card).toContain(
      '<details class="evidence"><summary>Evidence</summary><table><tbody>' +
        '<tr><th scope="row">deliverable</th><td>deliverables/2025.1/sushy.yaml</td></tr>' +
        '<tr><th scope="row">tags</th><td>[&quot;1.0.0rc1&quot;]</td></tr>' +
        '</tbody></table></details>',
    );
  });

  it('puts what blocks first, and a repository × clause matrix linking to each finding', () => {
    const html = toHtml(mixedReport(), REPORTER_CONTEXT.rules);
    const verdict = html.slice(html.indexOf('<section class="verdict'), html.indexOf('</section>'));
    expect([...verdict.matchAll(/<li><a href="#(f-\d+)">/g)].map((m) => m[1])).toEqual([
      'f-1',
      'f-4',
    ]);
    expect(html.indexOf('class="blocks"')).toBeLessThan(html.indexOf('class="matrix"'));
    const matrix = html.slice(
      html.indexOf('<section class="matrix"'),
      html.indexOf('<section class="changes"'),
    );
    expect([...matrix.matchAll(/<abbr[^>]*>(.*?)<\/abbr>/g)].map((m) => m[1])).toEqual([
      '1',
      '2',
      '3',
      '—',
    ]);
    expect(matrix).toContain(
      '<a class="mark mark-error" href="#f-1" title="error: versioned-releases"',
    );
    expect(matrix).toContain('<a class="mark mark-warning" href="#f-2"');
  });

  it("includes each rule's doc page, folded, from the rule docs it is given", () => {
    const html = toHtml(report([finding()]), [
      {
        id: 'versioned-releases',
        clause: '3',
        title: 'Has a release.',
        defaultSeverity: 'error',
        page: '# versioned-releases\n\nA **final** release, see `tags`.\n\n> 3. quoted <clause>\n\n- one\n- two',
      },
    ]);
    expect(html).toContain('<details class="rule-doc" id="rule-versioned-releases">');
    expect(html).toContain(
      '<h4>versioned-releases</h4>\n<p>A <strong>final</strong> release, see <code>tags</code>.</p>\n' +
        '<blockquote>3. quoted &lt;clause&gt;</blockquote>\n<ul><li>one</li><li>two</li></ul>',
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
    expect(html).toContain('<span class="clause">the Deprecation section</span>');
    expect(html).toContain('<span class="where">line 7</span>');
    expect(html).toContain(
      '<abbr title="not a policy clause (the list, configuration, evidence)">—</abbr>',
    );
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
    expect(html).toContain('<article class="finding severity-info"');
    expect(html).toContain('verdict verdict-inconclusive');
  });

  it('is deterministic', () => {
    expect(htmlReporter(mixedReport(), { ...REPORTER_CONTEXT, color: true })).toBe(
      htmlReporter(mixedReport(), REPORTER_CONTEXT),
    );
  });
});
