/**
 * Limits for reading a list file. A proposal is untrusted input: these keep a hostile file from
 * exhausting memory, the stack or CPU before any rule runs. Real lists are far below them (the
 * governance `projects.yaml` is about 90 KB, 20,000 YAML tokens, 7 levels deep, with no anchors).
 */
export interface ListLimits {
  /** Files larger than this are refused unread. */
  maxBytes: number;
  /** YAML lexical tokens in one file; the YAML library costs microseconds per token. */
  maxTokens: number;
  /** Deepest nesting of YAML collections (the YAML parser's stack), checked while lexing. */
  maxDepth: number;
  /** Anchors plus aliases in one file; the YAML library's handling of them is quadratic. */
  maxAnchors: number;
  /** Passed to `yaml` as `maxAliasCount`: bounds how far aliases may expand (billion laughs). */
  maxAliasCount: number;
  /** Problems reported for one file; the rest are summarised in one more problem. */
  maxProblems: number;
}

export const LIST_LIMITS: Readonly<ListLimits> = {
  maxBytes: 1024 * 1024,
  maxTokens: 100_000,
  maxDepth: 32,
  maxAnchors: 100,
  maxAliasCount: 100,
  maxProblems: 100,
};
