import { SERIES } from '../../test/helpers/evidence-fixtures';
import {
  isBeyondMaintained,
  isCoveredStatus,
  isVersionBranchId,
  leavesMaintenanceOn,
  reconstructedStatus,
  parseBranch,
  seriesForBranch,
  seriesForId,
  seriesStatusAsOf,
  hasRecordedStatus,
  stableBranchId,
  unknownSeriesReason,
} from './series';

function named(name: string) {
  const series = SERIES.find((s) => s.name === name);
  if (!series || !hasRecordedStatus(series)) throw new Error(`no series ${name} with a status`);
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

describe('seriesStatusAsOf with releases data newer than the date', () => {
  it.each([
    // series, date, status, basis
    // caracal is unmaintained now with no eol-date: maintained after its release, inferred.
    ['caracal', '2024-06-01', 'maintained', 'inferred'],
    ['caracal', '2024-03-01', 'development', 'dates'],
    // dalmatian is end of life since its eol-date 2026-04-29.
    ['dalmatian', '2025-01-01', 'maintained', 'dates'],
    ['dalmatian', '2026-04-28', 'maintained', 'dates'],
    ['dalmatian', '2026-04-29', 'end of life', 'dates'],
    ['xena', '2025-12-19', 'end of life', 'dates'],
    // maintained now: maintained since its release (statuses only move forward).
    ['epoxy', '2025-06-01', 'maintained', 'data'],
    ['epoxy', '2025-04-01', 'development', 'dates'],
    ['epoxy', '2026-10-03', 'unmaintained', 'data'],
    // future and development series as recorded.
    ['hibiscus', '2026-09-01', 'development', 'data'],
    ['indri', '2026-09-01', 'future', 'data'],
  ])('%s on %s was %s (%s)', (name, date, status, basis) => {
    const state = seriesStatusAsOf(named(name), date, 'latest');
    expect([state.status, state.basis]).toEqual([status, basis]);
    expect(state.recorded).toBe(named(name).status);
  });

  it.each([
    // exact data: epoxy leaves maintenance on its next-phase date 2026-10-02.
    ['2026-09-01', 'maintained'],
    ['2026-10-03', 'unmaintained'],
  ])('exact data: epoxy on %s is %s', (date, status) => {
    const state = seriesStatusAsOf(named('epoxy'), date, 'exact');
    expect([state.status, state.basis]).toEqual([status, 'data']);
  });

  it('knows which statuses are beyond maintenance', () => {
    expect(isBeyondMaintained('extended maintenance')).toBe(true);
    expect(isBeyondMaintained('unmaintained')).toBe(true);
    expect(isBeyondMaintained('end of life')).toBe(true);
    expect(isBeyondMaintained('maintained')).toBe(false);
    expect(isBeyondMaintained('future')).toBe(false);
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

  it('dates a non-SLURP series leaving maintenance by its eol-date once its next phase is gone', () => {
    const dalmatian = {
      ...named('epoxy'),
      name: 'dalmatian',
      releaseId: '2024.2',
      status: 'end of life' as const,
      nextPhase: null,
      eolDate: '2026-04-29',
      initialRelease: '2024-10-02',
    };
    expect(leavesMaintenanceOn(dalmatian)).toBe('2026-04-29');
    expect(leavesMaintenanceOn({ ...dalmatian, releaseId: '2024.1' })).toBeNull();
    expect(reconstructedStatus(dalmatian, '2026-03-10')).toMatchObject({
      status: 'maintained',
      basis: 'dates',
    });
    expect(reconstructedStatus(dalmatian, '2026-04-29').status).toBe('end of life');
  });
});

describe('branch ids no series names', () => {
  it.each([
    ['3.1', true],
    ['4.0.x', true],
    ['10.2.3', true],
    ['2025.1', false],
    ['2099.2', false],
    ['zed', false],
    ['ocelot', false],
  ])('%s is a version branch: %s', (id, expected) => {
    expect(isVersionBranchId(id)).toBe(expected);
  });

  it('says what series_status.yaml lacks', () => {
    expect(unknownSeriesReason('2026.1')).toContain('has release-id 2026.1');
    expect(unknownSeriesReason('2026.1')).toContain('listed without its release-id');
    expect(unknownSeriesReason('ocelot')).toBe('no series in series_status.yaml is named ocelot');
  });
});
