import { UsageError } from '../errors';
import { validateListPath, validateRevision } from './validate';

describe('validateRevision', () => {
  it.each([
    'HEAD',
    'HEAD~1',
    'HEAD^',
    'master',
    'origin/stable/2024.1',
    '@{upstream}',
    'v1.2.3',
    'refs/changes/34/1234/5',
    'a'.repeat(40),
  ])('accepts %s', (revision) => {
    expect(validateRevision(revision, '--base')).toBe(revision);
  });

  it.each([
    ['--upload-pack=touch x', "must not start with '-'"],
    ['-x', "must not start with '-'"],
    ['HEAD;rm', 'invalid revision'],
    ['HEAD rm', 'invalid revision'],
    ['$(touch x)', 'invalid revision'],
    ['HEAD:repos-overseen.yaml', 'invalid revision'],
    ['master..HEAD', 'invalid revision'],
    ['', 'invalid revision'],
    ['a'.repeat(201), 'invalid revision'],
  ])('refuses %j', (revision, message) => {
    expect(() => validateRevision(revision, '--head')).toThrow(UsageError);
    expect(() => validateRevision(revision, '--head')).toThrow(message);
    expect(() => validateRevision(revision, '--head')).toThrow('--head');
  });
});

describe('validateListPath', () => {
  it.each([
    ['repos-overseen.yaml', 'repos-overseen.yaml'],
    ['./doc/source/repos-overseen.rst', 'doc/source/repos-overseen.rst'],
    ['reference//projects.yaml', 'reference/projects.yaml'],
    ['.vmt/list.yaml', '.vmt/list.yaml'],
  ])('accepts %s as %s', (path, normalised) => {
    expect(validateListPath(path)).toBe(normalised);
  });

  it.each([
    ['../x', "no '..'"],
    ['doc/../../x', "no '..'"],
    ['/etc/passwd', 'relative'],
    ['C:/x', 'relative'],
    ['-x', "must not start with '-'"],
    ['doc/-x', 'letters, digits'],
    [':(glob)*', 'letters, digits'],
    ['a b.yaml', 'letters, digits'],
    ['.git/config', '.git'],
    ['.', 'names no file'],
  ])('refuses %j', (path, message) => {
    expect(() => validateListPath(path)).toThrow(UsageError);
    expect(() => validateListPath(path)).toThrow(message);
  });
});
