import { join } from 'node:path';
import { defaultParser, inThreadParser, workerEntry } from './parser';

const DIR = join('vmt', 'dist', 'src', 'sources', 'releases');
const everyFile = () => true;
const tsLoader = { '.ts': () => undefined };

describe('where the deliverable files are parsed', () => {
  it('on a worker running the compiled parse-worker.js beside the compiled module', () => {
    expect(workerEntry(join(DIR, 'parser.js'), undefined, everyFile)).toBe(
      join(DIR, 'parse-worker.js'),
    );
  });

  it('on a worker running parse-worker.ts where a .ts loader is registered (node -r hook)', () => {
    expect(workerEntry(join(DIR, 'parser.ts'), tsLoader, everyFile)).toBe(
      join(DIR, 'parse-worker.ts'),
    );
  });

  it("on this thread from .ts without a loader a worker inherits (jest's registry)", () => {
    expect(workerEntry(join(DIR, 'parser.ts'), {}, everyFile)).toBe(null);
    expect(workerEntry(join(DIR, 'parser.ts'), undefined, everyFile)).toBe(null);
  });

  it('on this thread when the worker entry is not there', () => {
    expect(workerEntry(join(DIR, 'parser.js'), undefined, () => false)).toBe(null);
  });

  it('on this thread under jest, which is how the unit tests run', () => {
    expect(defaultParser()).toBe(inThreadParser);
  });
});
