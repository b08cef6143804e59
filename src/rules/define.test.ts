import { renderMessage } from './define';

const messages = {
  two: 'tag {{ tag }} of {{repo}}, again {{tag}}.',
  none: 'nothing to fill',
  dollar: 'value {{v}}',
};

describe('renderMessage', () => {
  it('fills every placeholder, spaces inside the braces allowed, values taken as they are', () => {
    expect(renderMessage(messages, 'two', { tag: '1.0.0', repo: 'openstack/x' })).toBe(
      'tag 1.0.0 of openstack/x, again 1.0.0.',
    );
    expect(renderMessage(messages, 'two', { tag: 2, repo: '{{tag}}' })).toBe(
      'tag 2 of {{tag}}, again 2.',
    );
    expect(renderMessage(messages, 'dollar', { v: "$& $1 $' $$" })).toBe("value $& $1 $' $$");
    expect(renderMessage(messages, 'none')).toBe('nothing to fill');
  });

  it('throws on a bug in the rule: an unknown id, a missing value, a value without a place', () => {
    expect(() => renderMessage(messages, 'toString')).toThrow("unknown messageId 'toString'");
    expect(() => renderMessage(messages, 'two', { tag: 'x' })).toThrow(
      "message 'two' lacks {{repo}}",
    );
    expect(() => renderMessage(messages, 'two', { repo: 'r' })).toThrow(
      "message 'two' lacks {{tag}}",
    );
    expect(() => renderMessage(messages, 'none', { a: 1, b: 2 })).toThrow(
      "message 'none' has no placeholder for a, b",
    );
  });
});
