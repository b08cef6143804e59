import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_FILE, nativeValidatorsModule } from './native-validators-code';

const SCHEMA = path.resolve(__dirname, '../../schemas/oversight-list.schema.json');
const GENERATED = path.join(__dirname, GENERATED_FILE);

describe('the generated native-list validators', () => {
  it('are what the schema compiles to today', () => {
    const expected = nativeValidatorsModule(readFileSync(SCHEMA, 'utf8'));
    if (process.env.VMT_REGENERATE === '1') writeFileSync(GENERATED, expected);
    expect(readFileSync(GENERATED, 'utf8')).toBe(expected);
  });

  it('change when the schema changes', () => {
    const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as { title: string };
    const changed = JSON.stringify({ ...schema, title: 'another title' });
    expect(nativeValidatorsModule(changed)).not.toBe(readFileSync(GENERATED, 'utf8'));
  });
});
