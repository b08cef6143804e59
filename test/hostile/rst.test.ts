/**
 * Threat: the rst page is untrusted text in the proposal. docutils decides what its readers see;
 * if the checker read it differently, a repository could be shown on the published page without
 * being judged, or be hidden from readers while the checker still counts it as overseen.
 * Each case here is read through the real parser (and some through the real CLI on a real git
 * repository): what a reader sees as a repository is an entry or a `list-schema` error at its
 * line; what a reader does not see never counts as present.
 */
import { rule as listConsistency } from '../../src/rules/list-consistency';
import { listRuleFindings, newListProposal } from '../helpers/rule-tester';
import type { ListProblem, OversightList } from '../../src/list/model';
import { parseList } from '../../src/list/parse';
import { parseValidReport } from '../helpers/report-schema';
import { runCli } from '../helpers/run-cli';
import { createTempRepo, type TempRepo } from '../helpers/temp-git';

const FILE = 'doc/source/repos-overseen.rst';
const link = (name: string, target = `https://opendev.org/${name}`) => `\`${name} <${target}>\`_`;
const NOVA = `* ${link('openstack/nova')}`;
const EVIL = link('openstack/evil');
const ZAQAR = `* ${link('openstack/zaqar')}`;
const HEAD = [
  '=======================',
  ' Repositories Overseen',
  '=======================',
  '',
  'Reports for the following repositories fall under VMT oversight:',
  '',
  NOVA,
  '',
  '',
].join('\n');
// The first line after HEAD.
const AFTER = 9;

function read(text: string): OversightList {
  return parseList(FILE, text);
}

function names(list: OversightList): string[] {
  return list.entries.map((entry) => entry.name);
}

function schemaErrorsAt(list: OversightList, line: number): ListProblem[] {
  return list.problems.filter(
    (problem) =>
      problem.rule === 'list-schema' && problem.severity === 'error' && problem.line === line,
  );
}

describe('what readers see as a repository is an entry or a list-schema error at its line', () => {
  const cases: [string, string, number, RegExp][] = [
    ['a nested bullet', `${ZAQAR}\n\n  * ${EVIL}\n`, 1, /holds more than one paragraph/],
    ['a bullet in a block quote', `Intro\n\n  * ${EVIL}\n`, 3, /in an indented block/],
    ['a "•" bullet', `\u2022 ${EVIL}\n`, 1, /the bullet "•" is not accepted/],
    ['a "‣" bullet', `\u2023 ${EVIL}\n`, 1, /the bullet "‣" is not accepted/],
    ['a "⁃" bullet', `\u2043 ${EVIL}\n`, 1, /the bullet "⁃" is not accepted/],
    ['a "#." item', `#. ${EVIL}\n`, 1, /an enumerated item shows a repository name/],
    ['a "1." item', `1. ${EVIL}\n`, 1, /an enumerated item shows/],
    ['an "a)" item', `a) ${EVIL}\n`, 1, /an enumerated item shows/],
    ['an "(i)" item', `(i) ${EVIL}\n`, 1, /an enumerated item shows/],
    ['text before the link', `* see ${EVIL}\n`, 1, /is not a repository link/],
    ['text after the link', `* ${EVIL} and more\n`, 1, /is not a repository link/],
    ['a continuation line with a second link', `${ZAQAR}\n  ${EVIL}\n`, 1, /not a repository link/],
    ['a second paragraph in the item', `${ZAQAR}\n\n  ${EVIL}\n`, 1, /more than one paragraph/],
    ['a definition list', `Also\n   ${EVIL}\n`, 2, /in the indented text under line 9/],
    ['a line block', `| ${EVIL}\n`, 1, /a line block shows/],
    ['a field list', `:also: ${EVIL}\n`, 1, /a field list shows/],
    ['a grid table', `+------+\n| ${EVIL} |\n+------+\n`, 1, /a table is not accepted/],
    ['a simple table', `===  ===\nA    ${EVIL}\n===  ===\n`, 1, /a table is not accepted/],
    ['a bullet a paragraph swallows', `Listed:\n* ${EVIL}\n`, 2, /a paragraph shows/],
    ['a no-break space after "*"', `*\u00a0${EVIL}\n`, 1, /U\+00A0, not a space/],
    ['a tab-indented bullet (a block quote)', `Intro\n\n\t* ${EVIL}\n`, 3, /block quote/],
    ['a bare repository URL', `See https://opendev.org/openstack/evil too.\n`, 1, /host/],
    ['a bare repository name', 'openstack/evil\n', 1, /a repository name/],
    ['a section title', `${EVIL}\n==============\n`, 1, /a section title shows/],
    ['an empty comment before indented text', `..\n\n   * ${EVIL}\n`, 3, /block quote/],
    ['a footnote', `.. [1] ${EVIL}\n`, 1, /in a footnote/],
    ['a bullet inside a note', `.. note::\n\n   * ${EVIL}\n`, 3, /"\.\. note::" directive/],
    ['an HTML comment outside raw (shown)', `<!-- ${EVIL} -->\n`, 1, /a paragraph shows/],
    ['bullets quoted as a literal block', `Listed::\n\n* ${EVIL}\n`, 3, /quoted literal/],
    ['an indented literal block', `Listed::\n\n   * ${EVIL}\n`, 3, /a literal block shows/],
    ['a definition whose term ends with "::"', `Listed::\n   * ${EVIL}\n`, 2, /nested bullet/],
  ];

  it.each(cases)('%s', (_title, body, line, message) => {
    const list = read(`${HEAD}${body}`);
    expect(names(list)).toEqual(['openstack/nova']);
    const errors = schemaErrorsAt(list, AFTER - 1 + line);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((error) => error.message).join('\n')).toMatch(message);
  });

  it.each([
    ['a named reference', `* \`openstack/evil\`_\n\n.. _openstack/evil: https://x.example/e\n`],
    ['an anonymous reference', `* \`openstack/evil\`__\n\n__ https://opendev.org/openstack/evil\n`],
    [
      'a substitution that expands to a link',
      `* |evil|\n\n.. |evil| replace:: \`openstack/evil <https://opendev.org/openstack/evil>\`__\n`,
    ],
  ])('%s is refused at the bullet and at its definition', (_title, body) => {
    const list = read(`${HEAD}${body}`);
    expect(names(list)).toEqual(['openstack/nova']);
    expect(schemaErrorsAt(list, AFTER)[0]?.message).toMatch(/is not a repository link/);
    expect(schemaErrorsAt(list, AFTER + 2)).toHaveLength(1);
  });

  it('judges a link to another repository behind the named one', () => {
    const list = read(
      `${HEAD}* ${link('openstack/zaqar', 'https://opendev.org/openstack/evil')}\n`,
    );
    expect(names(list)).toEqual(['openstack/nova', 'openstack/zaqar']);
    expect(list.problems).toEqual([]);
    expect(listRuleFindings(listConsistency, newListProposal(list))).toMatchObject([
      { rule: 'list-consistency', severity: 'error', key: 'link:openstack/zaqar', line: AFTER },
    ]);
  });

  it('reads what docutils splits at U+2028 or a lone CR as the entries it renders, and refuses the break', () => {
    for (const separator of ['\u2028', '\u2029', '\r']) {
      const list = read(`${HEAD}* ${link('openstack/zaqar')}${separator}* ${EVIL}\n`);
      expect(names(list)).toEqual(['openstack/nova', 'openstack/zaqar', 'openstack/evil']);
      expect(list.problems.map((problem) => problem.key)).toContain(
        `rst-line-break:U+${(separator.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
      );
    }
  });

  it.each([
    ['glued to its name', '`openstack/evil<https://opendev.org/openstack/evil>`_'],
    ['after a no-break space', '`openstack/evil\u00a0<https://opendev.org/openstack/evil>`_'],
    ['followed by U+FEFF', `${EVIL}\ufeff`],
    ['preceded by U+FEFF', `\ufeff${EVIL}`],
  ])('does not read a link %s as an entry (docutils shows no link there)', (_title, bullet) => {
    const list = read(`${HEAD}* ${bullet}\n`);
    expect(names(list)).toEqual(['openstack/nova']);
    expect(schemaErrorsAt(list, AFTER)[0]?.message).toMatch(/is not a repository link/);
  });
});

describe('what readers do not see never counts as present', () => {
  const hidden: [string, string, number, RegExp][] = [
    ['a one-line comment', `.. * ${EVIL}\n`, 1, /a comment holds .* do not see/],
    ['a multi-line comment', `..\n   Hidden for now:\n\n   * ${EVIL}\n`, 4, /a comment holds/],
    [
      'a comment naming a repository',
      `.. openstack/evil\n`,
      1,
      /a comment holds a repository name/,
    ],
    ['a comment with any rst link', `.. \`later <https://x.example/evil>\`_\n`, 1, /a link/],
    ['a comment with a name alone', `..\n   TODO:\n   fellow/evil\n`, 3, /a comment holds/],
  ];

  it.each(hidden)('%s', (_title, body, line, message) => {
    const list = read(`${HEAD}${body}`);
    expect(names(list)).toEqual(['openstack/nova']);
    expect(schemaErrorsAt(list, AFTER - 1 + line)[0]?.message).toMatch(message);
  });

  const directives: [string, string, RegExp][] = [
    [
      'raw html with an HTML comment',
      `.. raw:: html\n\n   <!-- ${EVIL} -->\n`,
      /passed to the output unread/,
    ],
    ['raw html from a file', `.. raw:: html\n   :file: list.html\n`, /passed to the output unread/],
    ['include', `.. include:: more.rst\n`, /brings in another file/],
    ['literalinclude', `.. literalinclude:: more.rst\n`, /brings in another file/],
    ['only html', `.. only:: html\n\n   * ${EVIL}\n`, /shown in some builds/],
    ['ifconfig', `.. ifconfig:: release\n\n   * ${EVIL}\n`, /build configuration/],
    ['container', `.. container:: hidden\n\n   * ${EVIL}\n`, /can hide it/],
    ['class on the next element', `.. class:: hidden\n`, /style sheet can hide/],
    ['a note restyled by :class:', `.. note::\n   :class: hidden\n\n   * ${EVIL}\n`, /restyles/],
    [
      'an unknown directive',
      `.. vmt-list::\n\n   openstack/evil\n`,
      /does not know what it renders/,
    ],
    ['a csv-table from a file', `.. csv-table::\n   :file: repos.csv\n`, /tables are not read/],
    ['a toctree', `.. toctree::\n\n   more\n`, /pulls other documents/],
  ];

  it.each(directives)('refuses the directive: %s', (_title, body, reason) => {
    const list = read(`${HEAD}${body}`);
    expect(names(list)).toEqual(['openstack/nova']);
    const [error] = schemaErrorsAt(list, AFTER);
    expect(error?.message).toMatch(/directive is not accepted in the list/);
    expect(error?.message).toMatch(reason);
  });

  it('refuses content nested too deep to read, whatever it holds', () => {
    const levels = Array.from({ length: 20 }, (_, i) => `${' '.repeat(i + 1)}level ${i}`);
    const list = read(`${HEAD}Intro\n\n${levels.join('\n\n')}\n\n${' '.repeat(21)}* ${EVIL}\n`);
    expect(names(list)).toEqual(['openstack/nova']);
    const deep = list.problems.filter((problem) => problem.key.startsWith('rst-too-deep:'));
    expect(deep).toMatchObject([{ rule: 'list-schema', severity: 'error', line: AFTER + 34 }]);
    expect(deep[0]?.message).toMatch(/nested more than 16 levels deep/);
  });

  it('refuses raw under a one-line term that ends with "::" (a definition, not a literal)', () => {
    const list = read(`${HEAD}Term::\n   .. raw:: html\n\n      <b>x</b>\n`);
    expect(schemaErrorsAt(list, AFTER + 1)[0]?.message).toMatch(/"\.\. raw::" directive/);
  });

  it('does not count an entry wrapped in ".. only::" as present', () => {
    const list = read(`${HEAD.replace(`${NOVA}\n`, '')}.. only:: html\n\n   ${NOVA}\n`);
    expect(names(list)).toEqual([]);
    expect(schemaErrorsAt(list, AFTER - 1)[0]?.key).toMatch(/^rst-directive:/);
  });

  it('does not count an entry moved into a comment as present', () => {
    const list = read(HEAD.replace(NOVA, `.. ${NOVA}`));
    expect(names(list)).toEqual([]);
    expect(schemaErrorsAt(list, 7)[0]?.key).toMatch(/^rst-hidden:/);
  });
});

describe('the page as the VMT writes it still reads cleanly', () => {
  it('accepts a title, prose, a licence comment, targets, wrapped links, tabs and CRLF', () => {
    const text = [
      '..',
      '  This work is licensed under a Creative Commons Attribution 3.0',
      '  http://creativecommons.org/licenses/by/3.0/legalcode',
      '',
      '.. _repositories overseen:',
      '',
      HEAD,
      `*\t${link('openstack/swift')}`,
      `- ${link('openstack/trove', 'https://opendev.org/openstack/\n  trove')}`,
      '',
      'Requirements',
      '------------',
      '',
      '1. Images bundle server/container components; see the `teams`_ and',
      '   `maintained <teams>`_ branches.',
      '',
      '.. _teams: https://governance.openstack.org/tc/reference/projects/',
    ].join('\r\n');
    const list = read(text);
    expect(list.problems).toEqual([]);
    expect(names(list)).toEqual(['openstack/nova', 'openstack/swift', 'openstack/trove']);
  });
});

describe('hostile rst is answered quickly', () => {
  const MB = 1024 * 1024 - 64;
  const inputs: [string, string][] = [
    ['backticks', '`'.repeat(MB)],
    ['dotted words', `${'a.'.repeat(MB / 2)}\n`],
    ['URL schemes', 'a://'.repeat(MB / 4)],
    ['angle brackets in a span', `* \`${'<'.repeat(MB - 8)}\`_\n`],
    ['spaces in a link name', `* \`${'a '.repeat(MB / 2 - 8)}x\`_\n`],
    ['roman numerals', `${'i'.repeat(MB)}\n`],
    ['directive-like names', `.. ${'a:'.repeat(MB / 2 - 4)}\n`],
    ['grid borders', `+-${'+-'.repeat(MB / 2 - 4)}\n`],
    ['deep indentation', Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}* x`).join('\n')],
    ['many bullets', `* ${link('openstack/a')}\n`.repeat(MB / 60)],
    ['many comments', `.. openstack/evil\n`.repeat(MB / 20)],
    ['many table tops', `===  ===\n\n`.repeat(MB / 10)],
  ];

  it.each(inputs)('%s', (_title, text) => {
    const started = Date.now();
    const list = read(text);
    expect(Date.now() - started).toBeLessThan(10000);
    expect(Array.isArray(list.problems)).toBe(true);
  });
});

describe('through the real CLI on a real git repository', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = createTempRepo({ prefix: 'vmt-hostile-rst-' });
    repo.write(FILE, `${HEAD}* ${link('openstack/swift')}\n`);
    repo.commit('Publish the page', '2026-01-01T00:00:00Z');
  });
  afterEach(() => repo.cleanup());

  async function checkHead(text: string) {
    repo.write(FILE, text);
    repo.commit('Proposal', '2026-01-02T00:00:00Z');
    const started = Date.now();
    const result = await runCli(['check', '--repo', repo.dir, '--format', 'json']);
    expect(Date.now() - started).toBeLessThan(10000);
    return { status: result.status, report: parseValidReport(result.stdout) };
  }

  function schemaFindingAt(report: ReturnType<typeof parseValidReport>, line: number) {
    return report.findings.find(
      (finding) =>
        finding.rule === 'list-schema' && finding.severity === 'error' && finding.line === line,
    );
  }

  it('fails a nested bullet that shows another repository (exit 1)', async () => {
    const { status, report } = await checkHead(
      `${HEAD}* ${link('openstack/swift')}\n\n  * ${EVIL}\n`,
    );
    expect(schemaFindingAt(report, AFTER)?.message).toMatch(/more than one paragraph/);
    expect(report.changes.added).toEqual([]);
    expect(report.verdict).toBe('fail');
    expect(status).toBe(1);
  });

  it('fails a page that wraps an entry in ".. only:: html", and judges it as removed', async () => {
    const { status, report } = await checkHead(
      `${HEAD}.. only:: html\n\n   * ${link('openstack/swift')}\n`,
    );
    expect(schemaFindingAt(report, AFTER)?.message).toMatch(/"\.\. only::" directive/);
    expect(report.changes.removed).toEqual(['openstack/swift']);
    expect(report.verdict).toBe('fail');
    expect(status).toBe(1);
  });

  it('fails an entry moved into a comment, and judges it as removed', async () => {
    const { status, report } = await checkHead(`${HEAD}.. * ${link('openstack/swift')}\n`);
    expect(schemaFindingAt(report, AFTER)?.message).toMatch(/do not see/);
    expect(report.changes.removed).toEqual(['openstack/swift']);
    expect(status).toBe(1);
  });

  it('fails a link hidden in an HTML comment inside ".. raw:: html"', async () => {
    const { status, report } = await checkHead(
      `${HEAD}* ${link('openstack/swift')}\n\n.. raw:: html\n\n   <!-- * ${EVIL} -->\n`,
    );
    expect(schemaFindingAt(report, AFTER + 2)?.message).toMatch(/"\.\. raw::" directive/);
    expect(report.changes).toEqual({ added: [], removed: [], modified: [] });
    expect(status).toBe(1);
  });

  it('judges a bullet docutils splits off at U+2028 as added, and fails the break', async () => {
    const { status, report } = await checkHead(
      `${HEAD}* ${link('openstack/swift')}\u2028* ${EVIL}\n`,
    );
    expect(report.changes.added).toEqual(['openstack/evil']);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'evidence-unavailable', repository: 'openstack/evil' }),
    );
    expect(schemaFindingAt(report, AFTER)?.message).toMatch(/U\+2028/);
    expect(status).toBe(1);
  });

  it('blocks an edit inside a raw block that was already refused at base', async () => {
    const raw = '.. raw:: html\n\n   <p>Contact the VMT.</p>\n';
    repo.write(FILE, `${HEAD}* ${link('openstack/swift')}\n\n${raw}`);
    repo.commit('A raw block merged before the checker', '2026-01-01T12:00:00Z');
    const { status, report } = await checkHead(
      `${HEAD}* ${link('openstack/swift')}\n\n${raw}   <!-- * ${EVIL} -->\n`,
    );
    expect(schemaFindingAt(report, AFTER + 2)?.evidence).toMatchObject({
      introducedByChange: true,
    });
    expect(status).toBe(1);
  });
});
