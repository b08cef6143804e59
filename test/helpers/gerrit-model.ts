/**
 * The state of a fake Gerrit (changes, accounts, permissions) and what its REST endpoints answer,
 * after Gerrit's Documentation/rest-api-changes.txt and PostReview.java: ChangeInfo shaped by the
 * `o=` options asked for, and ReviewInput validated as Gerrit does (labels, ranges, comment paths,
 * closed changes), with Gerrit's status codes and plain-text error messages.
 */

export interface FakeAccount {
  _account_id: number;
  name: string;
  email: string;
  username: string;
}

export interface FakeRevision {
  sha: string;
  number: number;
  uploader: FakeAccount;
  /** Paths the patch set touches (`/COMMIT_MSG` is added as Gerrit does). */
  files: string[];
}

export interface FakeChange {
  project: string;
  branch: string;
  number: number;
  changeId: string;
  status: 'NEW' | 'MERGED' | 'ABANDONED';
  owner: FakeAccount;
  /** Oldest first; the last is the current revision. */
  revisions: FakeRevision[];
  codeReview: { account: FakeAccount; value: number }[];
  messages: { id: string; tag?: string; revision: number }[];
}

export interface ModelOptions {
  /** Labels configured for the project (default Code-Review and Verified). */
  labels?: string[];
  /** label → the [min, max] the voting account may apply (default −1…+1). */
  permitted?: Record<string, [number, number]>;
  /** `change.strictLabels`: an unknown label is a 400 instead of being dropped. */
  strictLabels?: boolean;
  /** Groups by name, for `GET /groups/{name}/members/`. */
  groups?: FakeGroup[];
}

/** An internal Gerrit group: its direct members and included groups (by name). */
export interface FakeGroup {
  name: string;
  /** `visible_to_all`: anonymous callers see it; otherwise they get 404 (GroupControl). */
  visibleToAll: boolean;
  members: FakeAccount[];
  includes?: string[];
}

export interface Reply {
  status: number;
  /** Sent after the `)]}'` line. */
  json?: unknown;
  /** A plain-text error body. */
  text?: string;
  headers?: Record<string, string>;
  /** Hostile or broken servers (see gerrit-server.ts `sendHostile`). */
  hostile?: HostileReply;
}

/** What a hostile or broken server does instead of answering properly. */
export type HostileReply =
  /** The body exactly as given: no `)]}'` line unless it holds one, no final newline. */
  | { kind: 'raw'; body: string }
  /** The body (json or text as usual) one byte every `everyMs`. */
  | { kind: 'trickle'; everyMs: number }
  /** The status line and headers one byte every `everyMs`, then nothing. */
  | { kind: 'trickle-headers'; everyMs: number }
  /** `chunk` again and again, without Content-Length, until the client hangs up. */
  | { kind: 'flood'; chunk: string }
  /** The connection is accepted and never answered. */
  | { kind: 'silent' };

export interface AppliedReview {
  change: number;
  revision: string;
  patchSet: number;
  input: Record<string, unknown>;
}

const KNOWN_OPTIONS = new Set([
  'CURRENT_REVISION',
  'ALL_REVISIONS',
  'CURRENT_FILES',
  'CURRENT_COMMIT',
  'DETAILED_LABELS',
  'LABELS',
  'DETAILED_ACCOUNTS',
  'MESSAGES',
]);

export function notFound(what: string): Reply {
  return { status: 404, text: `Not found: ${what}` };
}

export class GerritModel {
  readonly applied: AppliedReview[] = [];
  private nextMessage = 1;

  constructor(
    readonly changes: FakeChange[],
    private readonly options: ModelOptions = {},
  ) {}

  /** `{change-id}` as Gerrit resolves it: a number or `project~number` (decoded). */
  find(id: string): FakeChange | undefined {
    const match = /^(?:(.+)~)?(\d+)$/.exec(id);
    if (!match) return undefined;
    return this.changes.find(
      (c) => c.number === Number(match[2]) && (match[1] === undefined || match[1] === c.project),
    );
  }

  getChange(id: string, options: string[]): Reply {
    const change = this.find(id);
    if (!change) return notFound(id);
    const unknown = options.find((o) => !KNOWN_OPTIONS.has(o));
    if (unknown) return { status: 400, text: `"${unknown}" is not a valid value for "-o"` };
    return { status: 200, json: changeInfo(change, new Set(options), this.labels()) };
  }

  /**
   * `GET /groups/{id}/members/[?recursive]` as an anonymous caller sees it: an invisible group
   * is 404; `recursive` adds the members of visible included groups, each account once, sorted
   * by name then id (ListMembers).
   */
  groupMembers(name: string, recursive: boolean): Reply {
    const group = this.visibleGroup(name);
    if (!group) return notFound(name);
    const seen = new Map<number, FakeAccount>();
    const visit = (g: FakeGroup, depth: number): void => {
      for (const m of g.members) seen.set(m._account_id, m);
      if (!recursive || depth > 8) return;
      for (const included of g.includes ?? []) {
        const sub = this.visibleGroup(included);
        if (sub) visit(sub, depth + 1);
      }
    };
    visit(group, 0);
    const members = [...seen.values()].sort(
      (a, b) => a.name.localeCompare(b.name) || a._account_id - b._account_id,
    );
    return { status: 200, json: members.map((m) => account(m, true)) };
  }

  private visibleGroup(name: string): FakeGroup | undefined {
    return (this.options.groups ?? []).find((g) => g.name === name && g.visibleToAll);
  }

  postReview(id: string, revisionId: string, input: unknown): Reply {
    const change = this.find(id);
    if (!change) return notFound(id);
    const revision = change.revisions.find(
      (r) =>
        r.sha === revisionId ||
        String(r.number) === revisionId ||
        (revisionId === 'current' && r === change.revisions.at(-1)),
    );
    if (!revision) return notFound(revisionId);
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return { status: 400, text: 'Expected JSON object' };
    }
    const review = input as Record<string, unknown>;
    const problem = this.validate(change, revision, review);
    if (problem) return problem;
    const labels = this.applicableLabels(review.labels);
    this.applied.push({
      change: change.number,
      revision: revision.sha,
      patchSet: revision.number,
      input: review,
    });
    change.messages.push({
      id: `m${String(this.nextMessage++).padStart(4, '0')}`,
      ...(typeof review.tag === 'string' ? { tag: review.tag } : {}),
      revision: revision.number,
    });
    return { status: 200, json: Object.keys(labels).length > 0 ? { labels } : {} };
  }

  private labels(): string[] {
    return this.options.labels ?? ['Code-Review', 'Verified'];
  }

  private applicableLabels(value: unknown): Record<string, number> {
    const labels = (value ?? {}) as Record<string, number>;
    return Object.fromEntries(Object.entries(labels).filter(([l]) => this.labels().includes(l)));
  }

  private validate(
    change: FakeChange,
    revision: FakeRevision,
    review: Record<string, unknown>,
  ): Reply | null {
    const labels = (review.labels ?? {}) as Record<string, unknown>;
    for (const [label, value] of Object.entries(labels)) {
      if (!this.labels().includes(label)) {
        if (this.options.strictLabels)
          return { status: 400, text: `label "${label}" is not a configured label` };
        continue;
      }
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return { status: 400, text: `label "${label}": ${String(value)} is not a valid value` };
      }
      const [min, max] = this.options.permitted?.[label] ?? [-1, 1];
      if (value < min || value > max) {
        return { status: 403, text: `Applying label "${label}": ${value} is restricted` };
      }
    }
    if (Object.keys(labels).length > 0 && change.status === 'ABANDONED') {
      return { status: 409, text: 'change is closed' };
    }
    if (Object.keys(labels).length > 0 && change.status === 'MERGED') {
      return {
        status: 409,
        text: `Voting on labels disallowed after submit: ${Object.keys(labels).join(', ')}`,
      };
    }
    return validateComments(change, revision, review.comments);
  }
}

function validateComments(
  change: FakeChange,
  revision: FakeRevision,
  value: unknown,
): Reply | null {
  const comments = (value ?? {}) as Record<string, { line?: number }[]>;
  for (const [path, list] of Object.entries(comments)) {
    if (!revision.files.includes(path) && path !== '/COMMIT_MSG' && path !== '/PATCHSET_LEVEL') {
      return {
        status: 400,
        text: `file ${path} not found in revision ${change.number},${revision.number}`,
      };
    }
    for (const comment of list) {
      if (comment.line !== undefined && comment.line < 0) {
        return { status: 400, text: `negative line number ${comment.line} not allowed on ${path}` };
      }
    }
  }
  return null;
}

function account(a: FakeAccount, detailed: boolean): Record<string, unknown> {
  return detailed ? { ...a } : { _account_id: a._account_id };
}

function changeInfo(change: FakeChange, o: Set<string>, labels: string[]): Record<string, unknown> {
  const detailed = o.has('DETAILED_ACCOUNTS');
  const current = change.revisions.at(-1) as FakeRevision;
  const info: Record<string, unknown> = {
    id: `${change.project}~${change.branch}~${change.changeId}`,
    project: change.project,
    branch: change.branch,
    hashtags: [],
    change_id: change.changeId,
    subject: 'Add a repository to the oversight list',
    status: change.status,
    created: '2026-05-30 10:00:00.000000000',
    updated: '2026-06-01 09:00:00.000000000',
    insertions: 3,
    deletions: 0,
    _number: change.number,
    owner: account(change.owner, detailed),
  };
  if (o.has('DETAILED_LABELS')) {
    info.labels = Object.fromEntries(
      labels.map((label) => [
        label,
        {
          all:
            label === 'Code-Review'
              ? change.codeReview.map((v) => ({ value: v.value, ...account(v.account, detailed) }))
              : [],
          values: { '-1': 'Fails', ' 0': 'No score', '+1': 'Verified' },
          default_value: 0,
        },
      ]),
    );
  }
  if (o.has('CURRENT_REVISION') || o.has('ALL_REVISIONS')) {
    info.current_revision = current.sha;
    info.revisions = { [current.sha]: revisionInfo(change, current, o, detailed) };
  }
  if (o.has('MESSAGES')) {
    info.messages = change.messages.map((m) => ({
      id: m.id,
      author: { _account_id: 1000 },
      date: '2026-06-01 09:00:00.000000000',
      message: `Patch Set ${m.revision}: …`,
      ...(m.tag !== undefined ? { tag: m.tag } : {}),
      _revision_number: m.revision,
    }));
  }
  return info;
}

function revisionInfo(
  change: FakeChange,
  revision: FakeRevision,
  o: Set<string>,
  detailed: boolean,
): Record<string, unknown> {
  return {
    kind: 'REWORK',
    _number: revision.number,
    created: '2026-06-01 08:00:00.000000000',
    uploader: account(revision.uploader, detailed),
    ref: `refs/changes/${String(change.number % 100).padStart(2, '0')}/${change.number}/${revision.number}`,
    ...(o.has('CURRENT_FILES')
      ? {
          files: Object.fromEntries(
            ['/COMMIT_MSG', ...revision.files].map((path) => [
              path,
              {
                status: path === '/COMMIT_MSG' ? 'A' : undefined,
                lines_inserted: 3,
                size_delta: 120,
                size: 2048,
              },
            ]),
          ),
        }
      : {}),
  };
}

/* ---------- builders for tests ---------- */

export function fakeAccount(id: number, username: string, name: string): FakeAccount {
  return { _account_id: id, name, email: `${username}@example.org`, username };
}

export const PROPOSER = fakeAccount(1001, 'proposer', 'Pro Poser');
export const PTL = fakeAccount(1002, 'ptl', 'Pat Lead');

/** Change 912345 on openstack/ossa, open, one patch set touching the list file. */
export function fakeChange(overrides: Partial<FakeChange> = {}): FakeChange {
  return {
    project: 'openstack/ossa',
    branch: 'master',
    number: 912345,
    changeId: 'I0123456789abcdef0123456789abcdef01234567',
    status: 'NEW',
    owner: PROPOSER,
    revisions: [
      { sha: 'f'.repeat(40), number: 1, uploader: PROPOSER, files: ['repos-overseen.yaml'] },
    ],
    codeReview: [],
    messages: [],
    ...overrides,
  };
}
