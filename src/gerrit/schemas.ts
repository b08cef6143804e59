import Ajv, { type ValidateFunction } from 'ajv';
import type { ChangeInfo, ReviewResult } from './types';

/** Small schemas for the replies this tool reads; extra fields are allowed (Gerrit adds some). */
const ajv = new Ajv({ allErrors: false });

const account = {
  type: 'object',
  required: ['_account_id'],
  properties: {
    _account_id: { type: 'integer' },
    name: { type: 'string' },
    email: { type: 'string' },
    username: { type: 'string' },
  },
};

const approval = {
  ...account,
  properties: { ...account.properties, value: { type: 'integer' } },
};

const revision = {
  type: 'object',
  required: ['_number'],
  properties: {
    _number: { type: 'integer' },
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
    _revision_number: { type: 'integer' },
  },
};

const changeInfo = {
  type: 'object',
  required: ['id', 'project', 'branch', 'change_id', '_number', 'status', 'owner'],
  properties: {
    id: { type: 'string' },
    project: { type: 'string' },
    branch: { type: 'string' },
    change_id: { type: 'string' },
    _number: { type: 'integer' },
    status: { enum: ['NEW', 'MERGED', 'ABANDONED'] },
    owner: account,
    current_revision: { type: 'string' },
    revisions: { type: 'object', additionalProperties: revision },
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
    labels: { type: 'object', additionalProperties: { type: 'integer' } },
    error: { type: 'string' },
  },
};

export const isChangeInfo: ValidateFunction<ChangeInfo> = ajv.compile<ChangeInfo>(changeInfo);
export const isReviewResult: ValidateFunction<ReviewResult> =
  ajv.compile<ReviewResult>(reviewResult);
