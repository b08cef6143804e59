import { SERIES } from '../rules/test-helpers';
import {
  isCoveredStatus,
  leavesMaintenanceOn,
  parseBranch,
  seriesForBranch,
  seriesForId,
  seriesStatusAsOf,
  stableBranchId,
} from './series';

function named(name: string) {
  const series = SERIES.find((s) => s.name === name);
  if (!series) throw new Error(`no series ${name}`);
  return series;
}

describe('seriesStatusAsOf', () => {
  it.each([
    // series, date, status, moved on
    ['epoxy', '2026-10-01', 'maintained', null],
    ['epoxy', '2026-10-02', 'unmaintained', '2026-10-02'],
    ['hibiscus', '2026-09-29', 'development', null],
    ['hibiscus', '2026-09-30', 'maintained', '2026-09-30'],
    ['indri', '2026-09-30', 'future', null],
    ['indri', '2026-10-01', 'development', '2026-10-01'],
    ['flamingo', '2027-04-27', 'maintained', null],
    ['flamingo', '2027-04-28', 'end of life', '2027-04-28'],
    // next phase without a date never applies
    ['caracal', '2099-01-01', 'unmaintained', null],
    ['dalmatian', '2026-08-21', 'end of life', null],
  ])('%s on %s is %s', (name, date, status, movedOn) => {
    const state = seriesStatusAsOf(named(name), date);
    expect(state.status).toBe(status);
    expect(state.movedOn).toBe(movedOn);
    expect(state.recorded).toBe(named(name).status);
  });
});

describe('branches and series', () => {
  it.each([
    ['master', 'master', null],
    ['stable/2024.1', 'stable', '2024.1'],
    ['stable/zed', 'stable', 'zed'],
    ['unmaintained/zed', 'unmaintained', 'zed'],
    ['unmaintained/2023.1', 'unmaintained', '2023.1'],
    ['bugfix/34.0', 'bugfix', '34.0'],
    ['feature/x', 'feature', 'x'],
    ['driverfixes/mitaka', 'other', null],
  ])('%s is a %s branch of %s', (name, kind, id) => {
    expect(parseBranch(name)).toEqual({ name, kind, id });
  });

  it.each([
    ['stable/2024.1', 'caracal'],
    ['stable/2025.1', 'epoxy'],
    ['unmaintained/2023.1', 'antelope'],
    ['stable/zed', 'zed'],
    ['unmaintained/zed', 'zed'],
    ['unmaintained/yoga', 'yoga'],
    ['stable/3.1', null],
    ['stable/2023.3', null],
    ['bugfix/2024.1', null],
    ['master', null],
  ])('%s belongs to %s', (name, series) => {
    expect(seriesForBranch(name, SERIES)?.name ?? null).toBe(series);
  });

  it('maps eol/eom tag prefixes and names both ways', () => {
    expect(seriesForId('2023.1', SERIES)?.name).toBe('antelope');
    expect(seriesForId('xena', SERIES)?.name).toBe('xena');
    expect(seriesForId('antelope', SERIES)?.name).toBe('antelope');
    expect(stableBranchId(named('caracal'))).toBe('2024.1');
    expect(stableBranchId(named('zed'))).toBe('zed');
  });

  it('knows which statuses are covered and when maintenance ends', () => {
    expect(isCoveredStatus('maintained')).toBe(true);
    expect(isCoveredStatus('development')).toBe(true);
    expect(isCoveredStatus('unmaintained')).toBe(false);
    expect(isCoveredStatus('extended maintenance')).toBe(false);
    expect(leavesMaintenanceOn(named('epoxy'))).toBe('2026-10-02');
    expect(leavesMaintenanceOn(named('flamingo'))).toBe('2027-04-28');
    expect(leavesMaintenanceOn(named('hibiscus'))).toBeNull();
    expect(leavesMaintenanceOn(named('caracal'))).toBeNull();
  });
});
