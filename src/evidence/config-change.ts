/** The judged settings of a `.vmt-oversight.yaml`: rule levels and where evidence comes from. */
export interface ConfigSettings {
  /** Per-rule level as written (`rules:`). */
  rules: Readonly<Record<string, 'error' | 'warning' | 'info' | 'off'>>;
  /** Every path or URL setting by its key (`list`, `releases`, `zuul.gerrit`…); null when unset. */
  places: Readonly<Record<string, string | null>>;
  /** The line of each setting written (`rules.removal`, `releases`, `zuul.gerrit`), when read. */
  lines?: Readonly<Record<string, number>>;
}

/**
 * What a change does to the list repository's `.vmt-oversight.yaml` (read at base, so the edit
 * only applies from the next change on): facts for the `configuration` rule.
 */
export interface ConfigChange {
  file: string;
  /** The settings at base; null when the file did not exist there. */
  base: ConfigSettings | null;
  head:
    | { state: 'deleted' }
    | { state: 'invalid'; reason: string }
    | { state: 'valid'; settings: ConfigSettings };
}
