/**
 * OpenStack version strings, told apart by anchored patterns only (research §1). Never by
 * "contains a letter": series names in `-eol`/`-eom`/`-em`/`-last` tags are letters too.
 * Once classified, versions are ordered and compared by `semver` (see `compareVersions`).
 */
import type { SemVer } from 'semver';
// The one function, not the package's index, which loads all 47 of its modules.
import parseSemver from 'semver/functions/parse';
import { compareText } from '../util/compare';

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
  const parts: number[] = [];
  for (let i = 1; i <= count; i += 1) {
    const part = match[i];
    if (part !== undefined) parts.push(Number(part));
  }
  return parts;
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

/**
 * A version's numbers must be ones `semver` can hold (safe integers): a larger number is not a
 * version that can be ordered, so the text is classified `unknown` rather than compared as a float.
 */
function withinRange(v: ClassifiedVersion): ClassifiedVersion {
  const numbers = [...v.parts, ...(v.pre ? [v.pre.number] : [])];
  return numbers.every(Number.isSafeInteger) ? v : result(v.text, 'unknown');
}

/**
 * A repository's tags are classified by several rules and compared many times while sorting:
 * each text is classified once per reading (xstatic or not), and the answers are shared, frozen.
 * Bounded: past this many texts the memo starts over.
 */
const MAX_MEMO = 20_000;
const classified = [new Map<string, ClassifiedVersion>(), new Map<string, ClassifiedVersion>()];

/** Classifies one version or tag name. */
export function classifyVersion(text: string, options: ClassifyOptions = {}): ClassifiedVersion {
  const xstatic = options.releaseType === 'xstatic';
  const memo = classified[xstatic ? 1 : 0]!;
  let v = memo.get(text);
  if (v === undefined) {
    v = frozen(withinRange(classifyShape(text, xstatic)));
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(text, v);
  }
  return v;
}

function frozen(v: ClassifiedVersion): ClassifiedVersion {
  Object.freeze(v.parts);
  if (v.pre) Object.freeze(v.pre);
  if (v.special) Object.freeze(v.special);
  return Object.freeze(v);
}

function classifyShape(text: string, xstatic: boolean): ClassifiedVersion {
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

/**
 * The semver reading of a classified version: `X.Y.Z` as is, a pbr pre-release `X.Y.Z.0rcN` as
 * `X.Y.Z-rc.N` (semver then orders `a < b < rc` and a pre-release before its final, as pbr does),
 * legacy shapes padded to three numbers (`2014.2` is `2014.2.0`). A `dev` version reads as its
 * final, as before. Of a four-part version only the first three numbers: semver has no fourth
 * (see `fourthPart`). Null for shapes that are not versions (special tags, unknown).
 */
function semverOf(v: ClassifiedVersion): SemVer | null {
  if (v.parts.length === 0) return null;
  const [major = 0, minor = 0, patch = 0] = v.parts;
  const pre = v.pre ? `-${v.pre.type}.${v.pre.number}` : '';
  return parseSemver(`${major}.${minor}.${patch}${pre}`);
}

/** Xstatic finals (PEP 440, `1.4.10.1`) and old 4-part versions; 0 for every other shape. */
function fourthPart(v: ClassifiedVersion): number {
  return v.parts[3] ?? 0;
}

/** `X.Y.0` (xstatic `W.X.Y.0`): a final that is not a patch release. */
export function isNonPatchFinal(text: string, options: ClassifyOptions = {}): boolean {
  const v = classifyVersion(text, options);
  if (v.kind !== 'final') return false;
  if (v.parts.length === 4) return fourthPart(v) === 0;
  return comparable(v)?.patch === 0;
}

/** `X.0.0`: a major release. */
export function isMajorFinal(text: string): boolean {
  const v = classifyVersion(text);
  const version = v.kind === 'final' ? comparable(v) : null;
  return version !== null && version.minor === 0 && version.patch === 0;
}

/**
 * Orders versions the way pbr does, with `semver` doing the comparing: `1.10.0 > 1.9.0`, a
 * pre-release before its final (`1.0.0.0rc1 < 1.0.0`). Where semver cannot read a shape the rule
 * is, in this order:
 * - anything that is not a version (special `-eol`/`-eom`/`-em`/`-last` tags, unknown shapes)
 *   sorts after every version, in code-point order among themselves, as the releases tooling does;
 * - a date-based version (`2015.1.4`, services until kilo) is older than any semver one;
 * - a four-part version (xstatic `1.4.10.1`) compares its first three numbers with semver, then
 *   its fourth (a three-part version has 0 there), then the pre-release.
 */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  const va = classifyVersion(a, XSTATIC);
  const vb = classifyVersion(b, XSTATIC);
  const sa = comparable(va);
  const sb = comparable(vb);
  if (sa === null || sb === null) {
    if (sa !== sb) return sa !== null ? -1 : 1;
    return compareText(a, b);
  }
  const eraDiff = Number(isDateBased(sa)) - Number(isDateBased(sb));
  if (eraDiff !== 0) return -eraDiff;
  return sa.compareMain(sb) || Math.sign(fourthPart(va) - fourthPart(vb)) || sa.comparePre(sb);
}

const XSTATIC: ClassifyOptions = { releaseType: 'xstatic' };

/** `semverOf` of a memoised classification, read once (the classification is shared). */
const semvers = new WeakMap<ClassifiedVersion, SemVer | null>();

function comparable(v: ClassifiedVersion): SemVer | null {
  let s = semvers.get(v);
  if (s === undefined) {
    s = semverOf(v);
    semvers.set(v, s);
  }
  return s;
}

/**
 * Services numbered their releases by date until kilo (`2010.1` … `2015.1.4`) and by semver from
 * liberty (`12.0.0`) on: a date-based version is older than any semver one, whatever its digits.
 */
function isDateBased(version: SemVer): boolean {
  return version.major >= DATE_BASED_MAJOR;
}

const DATE_BASED_MAJOR = 2010;
