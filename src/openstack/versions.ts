/**
 * OpenStack version strings, told apart by anchored patterns only (research §1). Never by
 * "contains a letter": series names in `-eol`/`-eom`/`-em`/`-last` tags are letters too.
 */

export type VersionKind =
  /** `X.Y.Z` (and `W.X.Y.Z` for xstatic): an official release. */
  | 'final'
  /** Canonical pbr pre-release `X.Y.Z.0aN` / `.0bN` (milestone) / `.0rcN`. */
  | 'pre-release'
  /** Old non-canonical pre-release shapes: `1.0.0rc1`, `0.3.rc1`, `0.3a1`, `0.2.2.rc3`. */
  | 'legacy-pre-release'
  /** Old final shapes the releases validator no longer accepts: `2014.2`, `v0.4.0`, `2.6.0.1`. */
  | 'legacy-final'
  /** `X.Y.Z.devN`: never a public artifact. */
  | 'dev'
  /** `<series>-eol|-eom|-em|-last`: a branch transition marker, not a release. */
  | 'special'
  | 'unknown';

export type PreReleaseType = 'a' | 'b' | 'rc';
export type SpecialMarker = 'eol' | 'eom' | 'em' | 'last';

export interface ClassifiedVersion {
  text: string;
  kind: VersionKind;
  /** Numeric components of finals, pre-releases and legacy shapes; empty otherwise. */
  parts: number[];
  pre: { type: PreReleaseType; number: number } | null;
  /** For special tags: the series id (`2023.1`) or name (`xena`) and the marker. */
  special: { series: string; marker: SpecialMarker } | null;
}

const N = '(0|[1-9]\\d*)';
const FINAL = new RegExp(`^${N}\\.${N}\\.${N}$`);
const FINAL_4 = new RegExp(`^${N}\\.${N}\\.${N}\\.${N}$`);
const PRE = new RegExp(`^${N}\\.${N}\\.${N}\\.0(a|b|rc)([1-9]\\d*)$`);
const LEGACY_PRE = /^(\d+)\.(\d+)(?:\.(\d+))?\.?(a|b|c|rc)(\d+)$/;
const LEGACY_TWO_PART = /^(\d+)\.(\d+)$/;
const LEGACY_V_PREFIX = /^v(\d+)\.(\d+)\.(\d+)$/;
const DEV = /^(\d+)\.(\d+)\.(\d+)(?:\.0(?:a|b|rc)\d+)?\.dev(\d+)$/;
const SPECIAL = /^([a-z]+|\d{4}\.[12])-(eol|eom|em|last)$/;

export interface ClassifyOptions {
  /** The deliverable's `release-type`; `xstatic` finals have four components. */
  releaseType?: string | null;
}

function numbers(match: RegExpMatchArray, count: number): number[] {
  return match
    .slice(1, count + 1)
    .filter((part): part is string => part !== undefined)
    .map(Number);
}

function result(
  text: string,
  kind: VersionKind,
  parts: number[] = [],
  extra: Partial<ClassifiedVersion> = {},
): ClassifiedVersion {
  return { text, kind, parts, pre: null, special: null, ...extra };
}

function preType(marker: string): PreReleaseType {
  if (marker === 'rc') return 'rc';
  return marker === 'a' ? 'a' : 'b';
}

/** Classifies one version or tag name. */
export function classifyVersion(text: string, options: ClassifyOptions = {}): ClassifiedVersion {
  const xstatic = options.releaseType === 'xstatic';
  let m = FINAL.exec(text);
  if (m) return result(text, 'final', numbers(m, 3));
  m = FINAL_4.exec(text);
  if (m) return result(text, xstatic ? 'final' : 'legacy-final', numbers(m, 4));
  m = PRE.exec(text);
  if (m) {
    const pre = { type: preType(m[4] ?? ''), number: Number(m[5]) };
    return result(text, 'pre-release', numbers(m, 3), { pre });
  }
  m = SPECIAL.exec(text);
  if (m) {
    const special = { series: m[1] ?? '', marker: (m[2] ?? 'eol') as SpecialMarker };
    return result(text, 'special', [], { special });
  }
  m = DEV.exec(text);
  if (m) return result(text, 'dev', numbers(m, 3));
  m = LEGACY_PRE.exec(text);
  if (m) {
    // pbr reads the old `c` marker as a release candidate.
    const pre = { type: preType(m[4] === 'c' ? 'rc' : (m[4] ?? '')), number: Number(m[5]) };
    return result(text, 'legacy-pre-release', numbers(m, 3), { pre });
  }
  m = LEGACY_TWO_PART.exec(text) ?? LEGACY_V_PREFIX.exec(text);
  if (m) return result(text, 'legacy-final', numbers(m, 3));
  return result(text, 'unknown');
}

/** An official release for the policy: a final, never a pre-release or a special tag. */
export function isOfficialRelease(text: string, options: ClassifyOptions = {}): boolean {
  return classifyVersion(text, options).kind === 'final';
}

/** `X.Y.0` (xstatic `W.X.Y.0`): a final that is not a patch release. */
export function isNonPatchFinal(text: string, options: ClassifyOptions = {}): boolean {
  const v = classifyVersion(text, options);
  return v.kind === 'final' && v.parts[v.parts.length - 1] === 0;
}

/** `X.0.0`: a major release. */
export function isMajorFinal(text: string): boolean {
  const v = classifyVersion(text);
  return v.kind === 'final' && v.parts[1] === 0 && v.parts[2] === 0;
}

const PRE_RANK: Record<PreReleaseType, number> = { a: 0, b: 1, rc: 2 };

/**
 * Orders versions the way pbr does: numerically, a pre-release before its final
 * (`1.0.0.0rc1 < 1.0.0`). Only finals, pre-releases and legacy shapes are comparable; anything
 * else (special tags, unknown) sorts after every version, as the releases tooling does.
 */
export function compareVersions(a: string, b: string): number {
  const va = classifyVersion(a, { releaseType: 'xstatic' });
  const vb = classifyVersion(b, { releaseType: 'xstatic' });
  const comparableA = va.parts.length > 0;
  const comparableB = vb.parts.length > 0;
  if (!comparableA || !comparableB) {
    if (comparableA !== comparableB) return comparableA ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const eraDiff = Number(isDateBased(va)) - Number(isDateBased(vb));
  if (eraDiff !== 0) return -eraDiff;
  const length = Math.max(va.parts.length, vb.parts.length, 3);
  for (let i = 0; i < length; i += 1) {
    const diff = (va.parts[i] ?? 0) - (vb.parts[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  const rank = (v: ClassifiedVersion): number => (v.pre ? PRE_RANK[v.pre.type] : 3);
  const diff = rank(va) - rank(vb) || (va.pre?.number ?? 0) - (vb.pre?.number ?? 0);
  return Math.sign(diff);
}

/**
 * Services numbered their releases by date until kilo (`2010.1` … `2015.1.4`) and by semver from
 * liberty (`12.0.0`) on: a date-based version is older than any semver one, whatever its digits.
 */
function isDateBased(version: ClassifiedVersion): boolean {
  return (version.parts[0] ?? 0) >= DATE_BASED_MAJOR;
}

const DATE_BASED_MAJOR = 2010;

/** The highest of some versions, or null when there are none. */
export function latestVersion(versions: readonly string[]): string | null {
  return versions.reduce<string | null>(
    (best, v) => (best === null || compareVersions(v, best) > 0 ? v : best),
    null,
  );
}
