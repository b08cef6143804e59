/** Reading GitHub's untrusted answers: every field checked, nothing assumed. */
import { GitHubRequestFailed } from './transport';

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export type Json = Record<string, unknown>;

export function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GitHubRequestFailed(`${what} is not an object`);
  }
  return value as Json;
}

export function field(value: Json, key: string, what: string): Json {
  return object(value[key], `${what}.${key}`);
}

export function sha(value: unknown, what: string): string {
  if (typeof value !== 'string' || !SHA.test(value)) {
    throw new GitHubRequestFailed(`${what} is not a commit or object id`);
  }
  return value;
}

export function date(value: unknown, what: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new GitHubRequestFailed(`${what} is not a date`);
  }
  return value;
}

/** A ref or file name: printable, bounded, never a path that climbs. */
export function name(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '' || value.length > 255 || CONTROL.test(value)) {
    throw new GitHubRequestFailed(`${what} is not a usable name`);
  }
  return value;
}

export function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
