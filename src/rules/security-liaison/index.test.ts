import { testRule } from '../../../test/helpers/rule-tester';
import {
  change,
  deliverable,
  entry,
  governance,
  team,
} from '../../../test/helpers/evidence-fixtures';
import { rule } from './index';

const sec = { name: 'Sec Person', email: 'sec@example.org' };
const ptl = { name: 'Pat Lead', email: 'ptl@example.org' };
const cinder = governance(deliverable('os-brick', team('cinder', { ptl, security: [sec] })));
const swift = governance(deliverable('swift', team('swift', { ptl })));
const swiftNoPtl = governance(deliverable('swift', { ...team('swift'), ptl: null }));
const ironicNoLiaison = governance(deliverable('sushy', team('ironic', { distributed: true })));
const ironic = governance(
  deliverable('sushy', team('ironic', { distributed: true, security: [sec] })),
);
const ref = 'reference/projects.yaml:100';
const cinderLiaisons = { team: 'cinder', liaisons: 'Sec Person <sec@example.org>', ref };
const swiftPtl = { ptl: 'Pat Lead <ptl@example.org>', team: 'swift', ref };

testRule(rule, {
  valid: [
    {
      name: 'a governance security liaison',
      change: change('added', entry('openstack/os-brick')),
      evidence: { governance: cinder },
      expect: [{ messageId: 'governanceLiaisons', data: cinderLiaisons, severity: 'info' }],
    },
    {
      name: 'the PTL as implicit liaison',
      change: change('added', entry('openstack/swift')),
      evidence: { governance: swift },
      expect: [{ messageId: 'implicitPtl', data: swiftPtl, severity: 'info' }],
    },
    {
      name: 'a distributed-leadership team with a security liaison',
      change: change('added', entry('openstack/sushy')),
      evidence: { governance: ironic },
      expect: [
        {
          messageId: 'governanceLiaisons',
          data: { ...cinderLiaisons, team: 'ironic' },
          severity: 'info',
        },
      ],
    },
    {
      name: 'a distributed-leadership team without one, but a declared liaison: met, record it in governance',
      change: change(
        'added',
        entry('openstack/sushy', { liaison: { name: 'Iris Ironic', email: 'iris@example.org' } }),
      ),
      evidence: { governance: ironicNoLiaison },
      expect: [
        {
          messageId: 'declaredOnlyDistributed',
          data: { declared: 'Iris Ironic <iris@example.org>', team: 'ironic', ref },
          severity: 'warning',
          field: 'liaison',
          line: 11,
        },
      ],
    },
    {
      name: 'a team with no PTL recorded, a declared liaison: a warning',
      change: change('added', entry('openstack/swift', { liaison: { name: 'Sam Swift' } })),
      evidence: { governance: swiftNoPtl },
      expect: [
        {
          messageId: 'declaredOnlyNoPtl',
          data: { declared: 'Sam Swift', team: 'swift', ref },
          severity: 'warning',
          field: 'liaison',
          line: 11,
        },
      ],
    },
    {
      name: 'a declared liaison matching the governance liaison by e-mail',
      change: change(
        'added',
        entry('openstack/os-brick', { liaison: { email: 'SEC@example.org' } }),
      ),
      evidence: { governance: cinder },
      expect: [{ messageId: 'governanceLiaisons', data: cinderLiaisons, severity: 'info' }],
    },
    {
      name: 'a declared liaison matching the PTL by name',
      change: change('added', entry('openstack/swift', { liaison: { name: 'pat lead' } })),
      evidence: { governance: swift },
      expect: [{ messageId: 'implicitPtl', data: swiftPtl, severity: 'info' }],
    },
    {
      name: 'a declared liaison unknown to governance',
      change: change(
        'added',
        entry('openstack/os-brick', {
          liaison: { name: 'Someone Else', email: 'else@example.org' },
        }),
      ),
      evidence: { governance: cinder },
      expect: [
        { messageId: 'governanceLiaisons', data: cinderLiaisons, severity: 'info' },
        {
          messageId: 'declaredUnknown',
          data: { declared: 'Someone Else <else@example.org>', team: 'cinder', ref },
          severity: 'warning',
          field: 'liaison',
          line: 11,
        },
      ],
    },
    {
      name: 'a declared liaison unknown to a team led by its PTL',
      change: change('added', entry('openstack/swift', { liaison: { name: 'Someone Else' } })),
      evidence: { governance: swift },
      expect: [
        { messageId: 'implicitPtl', data: swiftPtl, severity: 'info' },
        {
          messageId: 'declaredUnknown',
          data: { declared: 'Someone Else', team: 'swift', ref },
          severity: 'warning',
          field: 'liaison',
          line: 11,
        },
      ],
    },
    {
      name: 'no owning team',
      change: change('added', entry('openstack/nowhere')),
      evidence: { governance: governance(null) },
      expect: [{ messageId: 'noOwner', severity: 'warning' }],
    },
    {
      name: 'no liaison anywhere on a modified entry that did not touch liaison: a warning',
      change: change('modified', entry('openstack/sushy'), { changedFields: ['team'] }),
      evidence: { governance: ironicNoLiaison },
      expect: [
        { messageId: 'noLiaisonDistributed', data: { team: 'ironic', ref }, severity: 'warning' },
      ],
    },
    {
      name: 'a deleted entry is not judged',
      change: change('removed', entry('openstack/sushy')),
      evidence: { governance: ironicNoLiaison },
      expect: [],
    },
  ],
  invalid: [
    {
      name: 'a distributed-leadership team without one',
      change: change('added', entry('openstack/sushy')),
      evidence: { governance: ironicNoLiaison },
      expect: [
        {
          messageId: 'noLiaisonDistributed',
          data: { team: 'ironic', ref },
          severity: 'error',
          citations: [
            {
              source: 'governance',
              text: 'team ironic, distributed leadership, no security liaison',
              repository: 'openstack/governance',
              file: 'reference/projects.yaml',
              line: 100,
            },
          ],
        },
      ],
    },
    {
      name: 'a team with no PTL recorded and no liaison anywhere: still an error',
      change: change('added', entry('openstack/swift')),
      evidence: { governance: swiftNoPtl },
      expect: [{ messageId: 'noLiaisonNoPtl', data: { team: 'swift', ref }, severity: 'error' }],
    },
    {
      name: 'needs governance',
      change: change('added', entry('openstack/swift')),
      missing: { governance: 'no --governance given' },
      expect: [{ unavailable: 'governance', severity: 'error', reason: 'no --governance given' }],
    },
  ],
});
