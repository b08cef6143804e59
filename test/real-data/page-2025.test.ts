import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseList } from '../../src/list/parse';

// The VMT page after openstack/ossa 0938a0a (2025), when ../shared/data holds it.
const LISTS = path.resolve(__dirname, '../../../shared/data/list-formats');
const files = existsSync(LISTS) ? readdirSync(LISTS) : [];
const page2025 = files.find((f) => /^ossa-repos-overseen-(2025|2026)-.*\.rst$/.test(f));
const page2024 = files.find((f) => f === 'ossa-repos-overseen-2024-11-18.rst');
if (!page2025) {
  console.log(
    `Real-data test of the 2025 page SKIPPED: no ossa-repos-overseen-2025-*.rst in ${LISTS}.`,
  );
}
const read = (name: string) =>
  parseList(`list-formats/${name}`, readFileSync(path.join(LISTS, name)));

(page2025 ? describe : describe.skip)(`the real 2025 page (${page2025 ?? 'absent'})`, () => {
  it('means every official repository, lists none, and reads cleanly', () => {
    const list = read(page2025 as string);
    expect(list.format).toBe('rst');
    expect(list.problems).toEqual([]);
    expect(list.entries).toEqual([]);
    expect(list.allOfficial?.line).toBeGreaterThan(0);
  });
});

(page2024 ? describe : describe.skip)('the real 2024 page', () => {
  it('means only the repositories it lists', () => {
    const list = read(page2024 as string);
    expect(list.allOfficial).toBeUndefined();
    expect(list.entries).toHaveLength(34);
  });
});
