import { detectFormat } from './detect';

describe('detectFormat', () => {
  it.each([
    ['doc/source/repos-overseen.rst', 'anything', 'rst'],
    ['README.txt', 'repositories:\n', 'rst'],
    ['vmt/oversight.yaml', 'repositories:\n  - name: openstack/nova\n', 'native'],
    ['oversight.yml', '# comment\nrepositories: []\n', 'native'],
    ['reference/projects.yaml', 'nova:\n  deliverables:\n    nova: {}\n', 'governance'],
    ['oversight.yaml', 'repositorys:\n', 'native'],
    ['oversight.yaml', '', 'native'],
    ['OVERSIGHT', '* `openstack/nova <https://opendev.org/openstack/nova>`_\n', 'rst'],
    ['OVERSIGHT', 'repositories:\n  - name: openstack/nova\n', 'native'],
    ['OVERSIGHT', 'nova:\n  deliverables: {}\n', 'governance'],
    ['list.yaml', '* `openstack/nova <https://opendev.org/openstack/nova>`_\n', 'native'],
  ])('%s with %j is %s', (file, text, format) => {
    expect(detectFormat(file, text)).toBe(format);
  });
});
