import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseList } from './parse';
import { directiveVerdict } from './rst-directives';
import { docutilsLines } from './rst-lines';
import { findMention, isCodeHostUrl } from './rst-mentions';

const FIXTURE = path.resolve(__dirname, '../../test/fixtures/lists/repos-overseen.rst');
const link = (name: string, target = `https://opendev.org/${name}`) => `* \`${name} <${target}>\`_`;

describe('reStructuredText list', () => {
  const list = parseList('doc/source/repos-overseen.rst', readFileSync(FIXTURE));

  it('is detected and reads cleanly', () => {
    expect(list.format).toBe('rst');
    expect(list.problems).toEqual([]);
  });

  it('has one entry per bullet, at the bullet line', () => {
    expect(list.entries.map((entry) => [entry.name, entry.location.line])).toEqual([
      ['openstack/barbican', 13],
      ['openstack/glance', 14],
      ['openstack/glance_store', 15],
      ['openstack/ironic-python-agent', 16],
      ['openstack/networking-baremetal', 17],
      ['openstack/nova', 19],
      ['openstack/oslo.config', 20],
      ['openstack/python-ironicclient', 21],
      ['openstack/python-ironic-inspector-client', 22],
    ]);
  });

  it('joins a link that wraps onto a continuation line', () => {
    const wrapped = list.entries.find((entry) => entry.name === 'openstack/networking-baremetal');
    expect(wrapped).toEqual({
      name: 'openstack/networking-baremetal',
      location: { file: 'doc/source/repos-overseen.rst', line: 17, column: 3 },
      declared: {},
      fieldLines: {},
      link: 'https://opendev.org/openstack/networking-baremetal',
      linkAt: expect.objectContaining({ line: 17 }),
    });
  });

  it.each([
    ['a trailing slash', 'https://opendev.org/openstack/nova/'],
    ['a .git suffix', 'https://opendev.org/openstack/nova.git'],
  ])('accepts a link with %s', (_title, target) => {
    expect(parseList('l.rst', link('openstack/nova', target)).problems).toEqual([]);
  });

  it('accepts anonymous links and CRLF line ends', () => {
    const text = '* `openstack/nova <https://opendev.org/openstack/nova>`__\r\n';
    expect(parseList('l.rst', text).entries.map((entry) => entry.name)).toEqual(['openstack/nova']);
  });

  it('refuses a prose bullet: every top-level bullet is an entry', () => {
    const text = `${link('openstack/nova')}\n\n* Reports are private at first.\n`;
    const parsed = parseList('l.rst', text);
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.problems).toMatchObject([{ rule: 'list-schema', severity: 'error', line: 3 }]);
    expect(parsed.problems[0]?.message).toMatch(/line 3 is not a repository link/);
  });

  it('reads prose, comments without links, targets and enumerated prose as no entries', () => {
    const text = [
      '..',
      '  Licensed under CC-BY 3.0: http://creativecommons.org/licenses/by/3.0/legalcode',
      '',
      '.. _repositories overseen:',
      '',
      '=======================',
      ' Repositories Overseen',
      '=======================',
      '',
      'Reports for the following repositories fall under VMT oversight:',
      '',
      link('openstack/nova'),
      '',
      'Requirements',
      '------------',
      '',
      '1. Images bundle server/container components, see `phases`_ and',
      '   `maintained <phases>`_ branches.',
      '',
      '.. _phases: https://docs.openstack.org/project-team-guide/stable-branches.html',
    ].join('\n');
    const parsed = parseList('l.rst', text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((entry) => [entry.name, entry.location.line])).toEqual([
      ['openstack/nova', 12],
    ]);
  });
});

describe('reStructuredText problems', () => {
  it('records a link that points at another repository, and keeps the entry', () => {
    const text = [
      'Intro',
      '',
      link('openstack/nova', 'https://opendev.org/openstack/neutron'),
    ].join('\n');
    const list = parseList('l.rst', text);
    expect(list.entries.map((entry) => entry.name)).toEqual(['openstack/nova']);
    // Where the link points is a fact; list-consistency judges it.
    expect(list.entries[0]).toMatchObject({
      link: 'https://opendev.org/openstack/neutron',
      linkAt: { line: 3, column: 20 },
    });
    expect(list.problems).toEqual([]);
  });

  it.each([
    ['another host', 'https://github.com/openstack/nova'],
    ['plain http', 'http://opendev.org/openstack/nova'],
    ['another case', 'https://opendev.org/openstack/Nova'],
  ])('records a link to %s as written', (_title, target) => {
    const list = parseList('l.rst', link('openstack/nova', target));
    expect(list.entries[0]?.link).toBe(target);
    expect(list.problems).toEqual([]);
  });

  it.each([
    ['a link without a target', '* `openstack/nova`_'],
    ['a bare name', '* openstack/nova'],
    ['text after the link', `${link('openstack/nova')} (since 2015)`],
    ['a link without a name', '* `<https://opendev.org/openstack/nova>`_'],
  ])('refuses a bullet that is %s', (_title, bullet) => {
    const list = parseList('l.rst', `Intro\n\n${bullet}\n`);
    expect(list.entries).toEqual([]);
    expect(list.problems).toMatchObject([{ rule: 'list-schema', severity: 'error', line: 3 }]);
    expect(list.problems[0]?.key).toMatch(/^rst-bullet:/);
    expect(list.problems[0]?.message).toMatch(/is not a repository link: write it as/);
  });

  it('keeps the first of two duplicates and records the second at its line', () => {
    const text = [link('openstack/nova'), link('openstack/swift'), link('openstack/nova')].join(
      '\n',
    );
    const list = parseList('l.rst', text);
    expect(list.entries.map((entry) => entry.name)).toEqual(['openstack/nova', 'openstack/swift']);
    expect(list.duplicates).toEqual([{ name: 'openstack/nova', line: 3, column: 3, firstLine: 1 }]);
    expect(list.problems).toEqual([]);
  });

  it('keeps entries in file order (list-consistency judges the order)', () => {
    const names = ['openstack/nova', 'openstack/cinder', 'openstack/swift', 'openstack/barbican'];
    const list = parseList('l.rst', names.map((name) => link(name)).join('\n'));
    expect(list.entries.map((entry) => entry.name)).toEqual(names);
    expect(list.problems).toEqual([]);
  });
});

describe('rst lines, mentions and directives (the parts docutils decides)', () => {
  it('splits, expands tabs and strips lines as docutils does, counting lines as git does', () => {
    const lines = docutilsLines('a\tb\r\nc\u2028d\re\vf \u00a0\n\ufeffg\ufeff');
    expect(lines.map((line) => [line.text, line.line])).toEqual([
      ['a       b', 1],
      ['c', 2],
      ['d', 2],
      ['e f', 2],
      ['\ufeffg\ufeff', 3],
    ]);
  });

  it.each([
    ['https://opendev.org/openstack/x', true],
    ['https://user@GitHub.com/a/b', true],
    ['https://www.github.com./a/b', true],
    ['https://governance.openstack.org/tc/', false],
    ['http://creativecommons.org/licenses/by/3.0/legalcode', false],
  ])('knows %s as a repository host: %s', (url, expected) => {
    expect(isCodeHostUrl(url)).toBe(expected);
  });

  it.each([
    ['prose naming an OpenStack repository', 'Ask openstack/nova.', false, 'openstack/nova'],
    ['a name alone', 'fellow/evil', false, 'fellow/evil'],
    [
      'a link whose label is a name',
      'see `x/y <https://a.example>`_',
      false,
      '`x/y <https://a.example>`_',
    ],
    [
      'any link, in hidden text',
      'see `later <https://a.example>`_',
      true,
      '`later <https://a.example>`_',
    ],
  ])('finds %s', (_title, text, anyLink, found) => {
    expect(findMention(text, { anyLink })?.text).toBe(found);
  });

  it.each([
    ['prose with slashes', 'Images bundle server/container or accurate/applicable parts.', false],
    ['a link to a named target', 'see `maintained <phases>`_ and `teams`_', false],
    ['a licence URL', 'http://creativecommons.org/licenses/by/3.0/legalcode', true],
  ])('finds nothing in %s', (_title, text, anyLink) => {
    expect(findMention(text, { anyLink })).toBeNull();
  });

  it('allows directives that show their content in place, and refuses the others', () => {
    const option = (text: string) => [{ text, line: 2, column: 4 }];
    expect(directiveVerdict('Note', [])).toEqual({ allowed: true });
    expect(directiveVerdict('note', option(':class: hidden'))).toMatchObject({ allowed: false });
    expect(directiveVerdict('raw', [])).toMatchObject({ allowed: false });
    expect(directiveVerdict('something-new', [])).toEqual({
      allowed: false,
      reason: 'the checker does not know what it renders',
    });
  });
});
