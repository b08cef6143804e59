import { isSafeRepositoryName, unsafeNameReason } from './names';

describe('isSafeRepositoryName', () => {
  it.each([
    'openstack/nova',
    'openstack/oslo.config',
    'openstack/glance_store',
    'openstack/python-ironic-inspector-client',
    'x/y',
    `${'a'.repeat(100)}/${'b'.repeat(100)}`,
  ])('accepts %s', (name) => {
    expect(isSafeRepositoryName(name)).toBe(true);
  });

  it.each([
    ['--upload-pack=touch /tmp/x', /starts with "-"/],
    ['-x/y', /starts with "-"/],
    ['openstack/-x', /characters that are not allowed/],
    ['ext::sh -c touch% /tmp/pwned', /URL or a git transport/],
    ['https://opendev.org/openstack/nova', /URL/],
    ['file:///etc/passwd', /URL/],
    ['openstack/nova ', /whitespace/],
    ['open stack/nova', /whitespace/],
    ['openstack/nova\u0000', /control characters/],
    ['openstack/nova\n', /whitespace/],
    ['../x', /"\.\."/],
    ['openstack/..', /"\.\."/],
    ['openstack/a..b', /"\.\."/],
    ['openstack/.hidden', /not allowed/],
    ['nova', /exactly one "\/"/],
    ['openstack/nova/extra', /exactly one "\/"/],
    ['/nova', /not allowed/],
    ['', /empty/],
    [`openstack/${'a'.repeat(101)}`, /over 100/],
    ['openstack/nová', /not allowed/],
    ['openstack/nova;rm', /not allowed/],
  ])('refuses %j (%s)', (name, reason) => {
    expect(isSafeRepositoryName(name)).toBe(false);
    expect(unsafeNameReason(name)).toMatch(reason);
  });

  it.each([null, undefined, 42, ['openstack/nova'], { name: 'openstack/nova' }])(
    'refuses the non-string %j',
    (value) => {
      expect(isSafeRepositoryName(value)).toBe(false);
    },
  );
});
