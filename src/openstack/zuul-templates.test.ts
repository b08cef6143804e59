import { classifyTemplate, isNonTestJob, parseZuulCatalog, zuulCatalog } from './zuul-templates';

describe('the package catalog (data/zuul-templates.yaml)', () => {
  const catalog = zuulCatalog();

  it.each([
    ['openstack-python3-jobs', 'test'],
    ['openstack-cover-jobs', 'test'],
    ['lib-forward-testing-python3', 'test'],
    ['openstack-python3-zed-jobs', 'test'],
    ['openstack-python3-antelope-jobs-neutron', 'test'],
    ['openstack-python3-bobcat-jobs', 'test'],
    ['noop-jobs', 'non-test'],
    ['official-openstack-repo-jobs', 'non-test'],
    ['publish-to-pypi', 'non-test'],
    ['publish-openstack-docs-pti', 'non-test'],
    ['release-notes-jobs-python3', 'non-test'],
    ['check-requirements', 'non-test'],
    ['translation-jobs-master-only', 'non-test'],
    ['api-ref-jobs', 'non-test'],
    ['openstack-python3-jobs-arm64', 'non-test'],
    ['some-team-special-jobs', 'unknown'],
  ])('%s is %s', (name, kind) => {
    expect(classifyTemplate(name, catalog).kind).toBe(kind);
  });

  it('knows which pipelines a test template fills', () => {
    expect(classifyTemplate('openstack-cover-jobs', catalog)).toEqual({
      kind: 'test',
      pipelines: ['check'],
    });
    expect(classifyTemplate('openstack-python3-jobs', catalog)).toEqual({
      kind: 'test',
      pipelines: ['check', 'gate'],
    });
  });

  it.each([
    ['noop', true],
    ['requirements-check', true],
    ['openstack-tox-pep8', true],
    ['openstack-tox-docs', true],
    ['build-openstack-releasenotes', true],
    ['openstack-upload-github-mirror', true],
    ['test-release-openstack', true],
    ['os-brick-mypy', true],
    ['openstack-tox-linters', true],
    ['yamllint', true],
    ['openstack-tox-bandit', true],
    ['build-python-release', true],
    ['openstack-tox-py312', false],
    ['openstack-tox-cover', false],
    ['tempest-full-py3', false],
    ['ironic-cross-sushy', false],
    ['sushy-tempest-bios-redfish-pxe', false],
    ['cinder-tempest-plugin-lvm-lio-barbican', false],
    ['tempest-docker', false],
  ])('job %s is a non-test: %s', (name, nonTest) => {
    expect(isNonTestJob(name, catalog)).toBe(nonTest);
  });
});

describe('parseZuulCatalog', () => {
  const valid = [
    'test-templates: {t: [check]}',
    'non-test-templates: [n]',
    'non-test-jobs: [noop]',
    'non-test-job-patterns: ["-docs$"]',
  ].join('\n');

  it('reads a minimal catalog', () => {
    const catalog = parseZuulCatalog(valid);
    expect(classifyTemplate('t', catalog)).toEqual({ kind: 'test', pipelines: ['check'] });
    expect(isNonTestJob('x-docs', catalog)).toBe(true);
  });

  it.each([
    ['not a mapping', '- a'],
    ['a bad pipeline', valid.replace('[check]', '[post]')],
    ['a missing list', valid.replace('non-test-jobs: [noop]', '')],
  ])('rejects %s', (_name, text) => {
    expect(() => parseZuulCatalog(text)).toThrow(/zuul-templates\.yaml/);
  });
});
