import { tableStatus } from './series-table';

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
