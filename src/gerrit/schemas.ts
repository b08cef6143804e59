import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { newAjv } from '../util/lazy-ajv';
import type { AccountInfo, ChangeInfo, ReviewResult } from './types';

/**
 * Small schemas for the replies this tool reads; extra fields are allowed (Gerrit adds some).
 * Numbers are held to what Gerrit stores (ids are Java ints, label values shorts), so a reply
 * with `1e400` or a vote of +1e20 is a protocol error, not a reading.
 */
let ajv: Ajv | undefined;

/** A validator compiled on its first use: most runs never read a Gerrit reply. */
function lazily<T>(schema: object): () => ValidateFunction<T> {
  let compiled: ValidateFunction<T> | undefined;
  return () => (compiled ??= (ajv ??= newAjv({ allErrors: false })).compile<T>(schema));
}

const id = { type: 'integer', minimum: 0, maximum: 2 ** 31 - 1 };
const positive = { ...id, minimum: 1 };
/** A commit name: SHA-1, or SHA-256. */
const sha = { type: 'string', pattern: '^(?:[0-9a-f]{40}|[0-9a-f]{64})$' };
const labelValue = { type: 'integer', minimum: -32768, maximum: 32767 };

const account = {
  type: 'object',
  required: ['_account_id'],
  properties: {
    _account_id: id,
    name: { type: 'string' },
    email: { type: 'string' },
    username: { type: 'string' },
  },
};

const approval = {
  ...account,
  properties: { ...account.properties, value: labelValue },
};

const revision = {
  type: 'object',
  required: ['_number'],
  properties: {
    _number: positive,
    uploader: account,
    files: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: { status: { type: 'string' }, old_path: { type: 'string' } },
      },
    },
  },
};

const message = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string' },
    tag: { type: 'string' },
    _revision_number: id,
  },
};

const changeInfo = {
  type: 'object',
  required: ['id', 'project', 'branch', 'change_id', '_number', 'status', 'owner'],
  properties: {
    id: { type: 'string' },
    project: { type: 'string', minLength: 1 },
    branch: { type: 'string' },
    change_id: { type: 'string' },
    _number: positive,
    status: { enum: ['NEW', 'MERGED', 'ABANDONED'] },
    owner: account,
    current_revision: sha,
    revisions: { type: 'object', propertyNames: sha, additionalProperties: revision },
    labels: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: { all: { type: 'array', items: approval } },
      },
    },
    messages: { type: 'array', items: message },
  },
};

const reviewResult = {
  type: 'object',
  properties: {
    labels: { type: 'object', additionalProperties: labelValue },
    error: { type: 'string' },
  },
};

export const changeInfoValidator = lazily<ChangeInfo>(changeInfo);
export const reviewResultValidator = lazily<ReviewResult>(reviewResult);

/** `GET /groups/{id}/members/`: a list of accounts (at most 10,000: a bigger group is no answer). */
export const accountListValidator = lazily<AccountInfo[]>({
  type: 'array',
  maxItems: 10_000,
  items: account,
});
