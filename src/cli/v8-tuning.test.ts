import { tuneV8 } from './v8-tuning';

describe('tuneV8', () => {
  it('sets the heap growth and the optimization budget when the user set neither', () => {
    const both = ['--heap-growing-percent', '--interrupt-budget'];
    expect(tuneV8([], undefined)).toEqual(both);
    expect(tuneV8(['--max-old-space-size=4096'], '--enable-source-maps')).toEqual(both);
  });

  it.each([
    [['--heap-growing-percent=20'], undefined, ['--interrupt-budget']],
    [['--heap_growing_percent=20'], undefined, ['--interrupt-budget']],
    [[], '--enable-source-maps --heap-growing-percent=80', ['--interrupt-budget']],
    [['--interrupt-budget=1000'], undefined, ['--heap-growing-percent']],
    [[], '--interrupt_budget=1000 --heap-growing-percent=80', []],
  ])('leaves what the user gave alone (%j, %j)', (execArgv, nodeOptions, set) => {
    expect(tuneV8(execArgv, nodeOptions)).toEqual(set);
  });

  it('does not mistake a longer flag for one it sets', () => {
    const set = tuneV8(['--interrupt-budget-for-feedback-allocation=940'], undefined);
    expect(set).toContain('--interrupt-budget');
  });
});
