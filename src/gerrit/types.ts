/**
 * The parts of Gerrit's REST entities this tool reads and writes
 * (Documentation/rest-api-changes.txt: ChangeInfo, RevisionInfo, ReviewInput, ReviewResult).
 * Gerrit sends more fields; unknown ones are ignored.
 */

export interface AccountInfo {
  _account_id: number;
  name?: string;
  email?: string;
  username?: string;
}

export interface ApprovalInfo extends AccountInfo {
  /** Absent for a reviewer who has not voted on the label. */
  value?: number;
}

export interface LabelInfo {
  /** With DETAILED_LABELS: every reviewer who may vote, and their vote. */
  all?: ApprovalInfo[];
}

export interface FileInfo {
  status?: string;
  old_path?: string;
}

export interface RevisionInfo {
  _number: number;
  uploader?: AccountInfo;
  /** With CURRENT_FILES: path → FileInfo (magic paths such as /COMMIT_MSG included). */
  files?: Record<string, FileInfo>;
}

export type ChangeStatus = 'NEW' | 'MERGED' | 'ABANDONED';

export interface ChangeMessageInfo {
  id: string;
  tag?: string;
  _revision_number?: number;
}

export interface ChangeInfo {
  id: string;
  project: string;
  branch: string;
  change_id: string;
  _number: number;
  status: ChangeStatus;
  owner: AccountInfo;
  current_revision?: string;
  revisions?: Record<string, RevisionInfo>;
  labels?: Record<string, LabelInfo>;
  /** With MESSAGES. */
  messages?: ChangeMessageInfo[];
}

export type NotifyHandling = 'NONE' | 'OWNER' | 'OWNER_REVIEWERS' | 'ALL';

export const NOTIFY_HANDLINGS: readonly NotifyHandling[] = [
  'NONE',
  'OWNER',
  'OWNER_REVIEWERS',
  'ALL',
];

export interface CommentInput {
  /** 1-based; 0 (or absent) for a comment on the whole file. */
  line?: number;
  message: string;
  unresolved: boolean;
}

export interface ReviewInput {
  message: string;
  tag: string;
  /** Absent when the tool does not vote (an inconclusive verdict). */
  labels?: Record<string, number>;
  comments?: Record<string, CommentInput[]>;
  notify: NotifyHandling;
  /** Re-runs on the same patch set do not repeat an identical comment. */
  omit_duplicate_comments: boolean;
}

export interface ReviewResult {
  labels?: Record<string, number>;
  error?: string;
}
