import { isValidDate, onOrBefore } from './dates';

describe('isValidDate', () => {
  it('tells calendar dates from others, however often and in whatever order it is asked', () => {
    const asked = ['2024-02-29', '2024-02-29', '2023-02-29', '2024-02-29', '2024-2-29', ''];
    expect(asked.map(isValidDate)).toEqual([true, true, false, true, false, false]);
  });
});

describe('onOrBefore', () => {
  it('compares instants, offsets included, with the end of the as-of day in UTC', () => {
    expect(onOrBefore('2024-05-01T23:59:59Z', '2024-05-01')).toBe(true);
    expect(onOrBefore('2024-05-02T00:00:00Z', '2024-05-01')).toBe(false);
    // 01:30 local at +02:00 is 23:30 UTC the day before; 23:30 at -01:00 is the next day.
    expect(onOrBefore('2024-05-02T01:30:00+02:00', '2024-05-01')).toBe(true);
    expect(onOrBefore('2024-05-01T23:30:00-01:00', '2024-05-01')).toBe(false);
  });

  it('follows a change of the as-of date', () => {
    const instant = '2024-05-02T12:00:00+00:00';
    const dates = ['2024-05-01', '2024-05-02', '2024-05-01', 'not-a-date', '2024-05-02'];
    expect(dates.map((asOf) => onOrBefore(instant, asOf))).toEqual([
      false,
      true,
      false,
      false,
      true,
    ]);
  });

  it('never counts an unreadable instant as on or before', () => {
    expect(onOrBefore('yesterday', '2024-05-01')).toBe(false);
  });
});
