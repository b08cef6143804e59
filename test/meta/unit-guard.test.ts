// This file is in the unit project, so test/setup-unit.ts guards it: these tests prove the guard
// refuses processes and sockets, and records an attempt that the code under test swallowed.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { takeForbiddenAttempts } from '../setup-unit';

const REFUSED =
  /unit tests start no processes and open no sockets: list this file in INTEGRATION_FILES/;

describe('the unit project guard', () => {
  afterEach(() => {
    // Taken here, before the guard's own afterEach (an outer one) fails a test that tried.
    takeForbiddenAttempts();
  });

  it('refuses to start git, and names the call', () => {
    expect(() => execFileSync('git', ['--version'])).toThrow(REFUSED);
    expect(() => execFileSync('git', ['--version'])).toThrow('child_process.execFileSync("git")');
  });

  it('refuses every way of starting a process', () => {
    expect(() => spawn('true')).toThrow(REFUSED);
    expect(() => execFile('true')).toThrow(REFUSED);
  });

  it('refuses to listen or to connect', () => {
    expect(() => createServer().listen(0)).toThrow(REFUSED);
    expect(() => connect(1, '127.0.0.1')).toThrow(REFUSED);
  });

  it('remembers an attempt that the code under test caught', () => {
    try {
      execFileSync('git', ['status']);
    } catch {
      // swallowed, as a source turning a failure into "unavailable" would
    }
    expect(takeForbiddenAttempts()).toEqual(['child_process.execFileSync("git")']);
  });
});
