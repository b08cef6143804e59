import { instantTime, isValidDate, onOrBefore } from './dates';

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

describe('instantTime', () => {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');

  it('reads iso-strict instants exactly as Date.parse does, out-of-range fields included', () => {
    const texts: string[] = [];
    for (const year of [0, 1, 1899, 1900, 1969, 1970, 2000, 2024, 2100, 9999]) {
      for (const [month, day] of [
        [1, 1],
        [2, 28],
        [2, 29],
        [2, 30],
        [4, 31],
        [12, 31],
        [1, 32],
        [13, 1],
        [0, 1],
        [1, 0],
      ]) {
        for (const time of ['00:00:00', '23:59:59', '24:00:00', '12:60:00', '12:00:60']) {
          for (const offset of [
            'Z',
            '+00:00',
            '-00:00',
            '+01:30',
            '-12:45',
            '+23:59',
            '+24:00',
            '-01:60',
          ]) {
            texts.push(`${pad(year, 4)}-${pad(month!)}-${pad(day!)}T${time}${offset}`);
          }
        }
      }
    }
    for (const text of texts) expect([text, instantTime(text)]).toEqual([text, Date.parse(text)]);
  });

  it('leaves every other form to Date.parse', () => {
    for (const text of [
      '2024-05-01',
      '2024-05-01T12:00:00.5Z',
      '2024-05-01t12:00:00Z',
      '2024-05-01T12:00:00+0100',
      '2024-05-01 12:00:00Z',
      '+002024-05-01T12:00:00Z',
      '２024-05-01T12:00:00Z',
      '',
    ]) {
      expect([text, instantTime(text)]).toEqual([text, Date.parse(text)]);
    }
  });
});
