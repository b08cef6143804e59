import { boundHeapGrowth } from './heap-growth';

describe('boundHeapGrowth', () => {
  it('sets the growth when nothing on the command line or in NODE_OPTIONS does', () => {
    expect(boundHeapGrowth([], undefined)).toBe(true);
    expect(boundHeapGrowth(['--max-old-space-size=4096'], '--enable-source-maps')).toBe(true);
  });

  it.each([
    [['--heap-growing-percent=20'], undefined],
    [['--heap_growing_percent=20'], undefined],
    [[], '--enable-source-maps --heap-growing-percent=80'],
  ])('leaves a growth the user gave alone (%j, %j)', (execArgv, nodeOptions) => {
    expect(boundHeapGrowth(execArgv, nodeOptions)).toBe(false);
  });
});
