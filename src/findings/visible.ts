import { visible } from '../util/visible';
import type { EvidenceValue, Finding } from './finding';

// Almost every text is already visible: tested first, a text is only rewritten when it must be.
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

function shown(text: string): string {
  return INVISIBLE.test(text) ? visible(text) : text;
}

type EvidenceObject = { [key: string]: EvidenceValue };

/**
 * The value with every text made visible. Copy on write: an array or plain record with nothing
 * to rewrite is returned as it is (reports only serialise it); one with something is copied, own
 * enumerable keys in order, as before. Other objects are always copied, as before.
 */
function visibleValue(value: EvidenceValue): EvidenceValue {
  if (typeof value === 'string') return shown(value);
  if (Array.isArray(value)) return visibleArray(value);
  if (value !== null && typeof value === 'object') return visibleRecord(value);
  return value;
}

function visibleArray(array: EvidenceValue[]): EvidenceValue[] {
  let copy: EvidenceValue[] | null = null;
  for (let i = 0; i < array.length; i += 1) {
    const item = array[i]!;
    const shownItem = visibleValue(item);
    if (copy === null && shownItem !== item) copy = array.slice(0, i);
    copy?.push(shownItem);
  }
  return copy ?? array;
}

function visibleRecord(record: EvidenceObject): EvidenceValue {
  const plain = Object.getPrototypeOf(record) === Object.prototype;
  const keys = Object.keys(record);
  let copy: EvidenceObject | null = plain ? null : {};
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i]!;
    const name = shown(key);
    const value = record[key]!;
    const shownValue = visibleValue(value);
    if (copy === null && (name !== key || shownValue !== value)) {
      copy = {};
      for (const earlier of keys.slice(0, i)) define(copy, earlier, record[earlier]!);
    }
    if (copy !== null) define(copy, name, shownValue);
  }
  return copy ?? record;
}

/** `copy[key] = value`, except that a key read from data may be `__proto__`: an own key too. */
function define(copy: EvidenceObject, key: string, value: EvidenceValue): void {
  if (key === '__proto__') {
    Object.defineProperty(copy, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    copy[key] = value;
  }
}

/**
 * The finding with every text it carries made visible. A finding with nothing to escape (nearly
 * all) is returned as it is, not copied: a report of thousands of findings is not held twice.
 */
export function visibleFinding(finding: Finding): Finding {
  const message = shown(finding.message);
  const evidence = visibleValue(finding.evidence) as Finding['evidence'];
  if (message === finding.message && evidence === finding.evidence) return finding;
  return { ...finding, message, evidence };
}
