import Ajv from 'ajv';
import { GerritError } from './errors';
import { MAX_JSON_DEPTH, parseGerritJson } from './json';

const anything = new Ajv().compile<unknown>({});

function parse(body: string): unknown {
  return parseGerritJson(body, anything, 'the read of change 1');
}

describe('parseGerritJson', () => {
  it("reads an answer after the )]}' line", () => {
    expect(parse(`)]}'\n{"a":[1,{"b":2}]}\n`)).toEqual({ a: [1, { b: 2 }] });
  });

  it("refuses an answer without the )]}' line, even valid JSON", () => {
    expect(() => parse('{"a":1}')).toThrow(
      new GerritError(
        'protocol',
        "Gerrit's reply to the read of change 1 does not start with )]}': it is not a Gerrit REST answer",
      ),
    );
  });

  it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more`, () => {
    const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(() => parse(`)]}'\n${nested(MAX_JSON_DEPTH)}`)).not.toThrow();
    expect(() => parse(`)]}'\n${nested(MAX_JSON_DEPTH + 1)}`)).toThrow(/nests more than 32/);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const subject = `${'['.repeat(100)} \\" ${'{'.repeat(100)} \\\\`;
    expect(parse(`)]}'\n{"subject":"${subject}","n":[1]}`)).toEqual({
      subject: `${'['.repeat(100)} " ${'{'.repeat(100)} \\`,
      n: [1],
    });
  });
});
