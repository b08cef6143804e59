import { compareRepositoryNames } from './order';

describe('compareRepositoryNames', () => {
  it.each([
    ['openstack/glance', 'openstack/glance_store'],
    ['openstack/ironic', 'openstack/ironic-inspector'],
    ['openstack/keystone', 'openstack/keystonemiddleware'],
    ['openstack/os-brick', 'openstack/oslo.config'],
    // The VMT page sorts as if punctuation were absent.
    ['openstack/python-ironicclient', 'openstack/python-ironic-inspector-client'],
    ['openstack/Nova', 'openstack/nova'],
    ['openstack/zun', 'x/aodh'],
    ['openstack/zun', 'openstack-dev/aodh'],
  ])('puts %s before %s', (first, second) => {
    expect(compareRepositoryNames(first, second)).toBeLessThan(0);
    expect(compareRepositoryNames(second, first)).toBeGreaterThan(0);
  });

  it('is zero only for the same name', () => {
    expect(compareRepositoryNames('openstack/nova', 'openstack/nova')).toBe(0);
    expect(compareRepositoryNames('openstack/a-b', 'openstack/ab')).not.toBe(0);
  });
});
