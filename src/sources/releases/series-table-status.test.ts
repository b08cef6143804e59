import { readSeriesTable, tableStatus } from './series-table';

describe("the series table's status words (releases docs, 2015-09 to 2018-04)", () => {
  it.each([
    ['Security-supported', 'maintained'],
    ['Current stable release, security-supported', 'maintained'],
    ['Security-supported (EOL: 2016-05-02)', 'maintained'],
    ['Phase I -- Latest release', 'maintained'],
    ['Phase II -- Maintained release', 'maintained'],
    ['Phase III -- Legacy release', 'maintained'],
    ['EOL', 'end of life'],
    ['EOL: 2013-05-06', 'end of life'],
    ['End of Life', 'end of life'],
    ['Under Development', 'development'],
    ['Future', 'future'],
  ])('%s is %s', (words, status) => {
    expect(tableStatus(words)).toBe(status);
  });

  it.each(['Deprecated', '', 'Phase IV -- Unknown', 'Maintained? maybe', 'Not EOL'])(
    "'%s' states no status",
    (words) => {
      expect(tableStatus(words)).toBeNull();
    },
  );
});

describe('the series table read as series', () => {
  const ref = (file: string, line?: number) => ({
    source: 'releases' as const,
    file,
    ...(line === undefined ? {} : { line }),
  });
  const table = (status: string, eol: string) =>
    [
      '.. list-table::',
      '   :header-rows: 1',
      '',
      '   - * Series',
      '     * Status',
      '     * Initial Release Date',
      '     * EOL Date',
      '   - * :doc:`kilo/index`',
      `     * ${status}`,
      '     * 2015-04-30',
      `     * ${eol}`,
      '',
    ].join('\n');

  it('gives a maintained series the EOL date of its column as its next phase', () => {
    const [kilo] = readSeriesTable(table('Security-supported', '2016-05-02'), ref) ?? [];
    expect(kilo).toMatchObject({ status: 'maintained', eolDate: '2016-05-02' });
    expect(kilo?.nextPhase).toEqual({ status: 'end of life', date: '2016-05-02' });
  });

  it('reads "(EOL: DATE)" in the status words when the column gives none', () => {
    const [kilo] = readSeriesTable(table('Security-supported (EOL: 2016-05-02)', 'TBD'), ref) ?? [];
    expect(kilo?.nextPhase).toEqual({ status: 'end of life', date: '2016-05-02' });
  });

  it('gives no next-phase date when the table gives no EOL date', () => {
    const [kilo] = readSeriesTable(table('Phase II -- Maintained release', 'TBD'), ref) ?? [];
    expect(kilo?.nextPhase).toEqual({ status: 'end of life', date: null });
  });
});
