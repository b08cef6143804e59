import { decide, DEFAULT_RETRY_POLICY, outcomeUnknown, retryAfterMs, type Outcome } from './retry';

const status = (code: number, retryAfter: string | null = null): Outcome => ({
  kind: 'response',
  status: code,
  retryAfter,
});
const network = (code: string): Outcome => ({ kind: 'network', code });
const policy = DEFAULT_RETRY_POLICY;

describe('decide', () => {
  it.each([
    ['GET', status(429), true],
    ['GET', status(500), true],
    ['GET', status(502), true],
    ['GET', status(503), true],
    ['GET', status(504), true],
    ['GET', network('ECONNRESET'), true],
    ['GET', status(400), false],
    ['GET', status(401), false],
    ['GET', status(403), false],
    ['GET', status(404), false],
    ['GET', status(409), false],
    ['POST', status(429), true],
    ['POST', status(503), true],
    ['POST', network('ECONNREFUSED'), true],
    ['POST', network('UND_ERR_CONNECT_TIMEOUT'), true],
    ['POST', status(500), false],
    ['POST', status(502), false],
    ['POST', status(504), false],
    ['POST', network('ECONNRESET'), false],
    ['POST', network('UND_ERR_HEADERS_TIMEOUT'), false],
    ['POST', status(409), false],
  ] as const)('%s answered %o: retry %s', (method, outcome, retry) => {
    expect(decide(method, outcome, 1, policy).retry).toBe(retry);
  });

  it('stops after the last attempt', () => {
    expect(decide('GET', status(503), 2, policy)).toEqual({ retry: true, delayMs: 2000 });
    expect(decide('GET', status(503), 3, policy)).toEqual({ retry: false });
  });

  it('backs off exponentially without Retry-After', () => {
    expect(decide('GET', status(502), 1, policy)).toEqual({ retry: true, delayMs: 1000 });
    expect(decide('GET', network('ECONNRESET'), 2, policy)).toEqual({ retry: true, delayMs: 2000 });
  });

  it('waits as long as Retry-After says, in seconds or as a date', () => {
    const now = Date.parse('2026-06-01T10:00:00Z');
    expect(decide('POST', status(429, '7'), 1, policy, now)).toEqual({
      retry: true,
      delayMs: 7000,
    });
    expect(decide('GET', status(503, 'Mon, 01 Jun 2026 10:00:03 GMT'), 1, policy, now)).toEqual({
      retry: true,
      delayMs: 3000,
    });
    expect(decide('GET', status(503, 'soon'), 1, policy, now)).toEqual({
      retry: true,
      delayMs: 1000,
    });
  });

  it('gives up when Retry-After asks for longer than the policy allows', () => {
    expect(decide('GET', status(429, '3600'), 1, policy)).toEqual({ retry: false });
  });
});

describe('outcomeUnknown', () => {
  it.each([
    ['POST', status(500), true],
    ['POST', status(502), true],
    ['POST', status(504), true],
    ['POST', network('ECONNRESET'), true],
    ['POST', status(503), false],
    ['POST', status(429), false],
    ['POST', status(403), false],
    ['POST', network('ECONNREFUSED'), false],
    ['GET', status(502), false],
  ] as const)('%s %o: %s', (method, outcome, unknown) => {
    expect(outcomeUnknown(method, outcome)).toBe(unknown);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and dates, and nothing else', () => {
    const now = Date.parse('2026-06-01T10:00:00Z');
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs(' 12 ', now)).toBe(12000);
    expect(retryAfterMs('Mon, 01 Jun 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('-1', now)).toBeNull();
  });
});
