import { visible } from '../util/visible';
import type { EvidenceValue, Finding } from './finding';

// Almost every text is already visible: tested first, a text is only rewritten when it must be.
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

function shown(text: string): string {
  return INVISIBLE.test(text) ? visible(text) : text;
}

function visibleValue(value: EvidenceValue): EvidenceValue {
  if (typeof value === 'string') return shown(value);
  if (Array.isArray(value)) return value.map(visibleValue);
  if (value !== null && typeof value === 'object') return visibleRecord(value);
  return value;
}

/** A copy with visible keys and values, own enumerable keys in order (as Object.fromEntries). */
function visibleRecord(record: { [key: string]: EvidenceValue }): EvidenceValue {
  const copy: { [key: string]: EvidenceValue } = {};
  for (const key of Object.keys(record)) {
    const name = shown(key);
    const value = visibleValue(record[key]!);
    // A key read from data may be `__proto__`: defined as an own key, never the prototype.
    if (name === '__proto__') {
      Object.defineProperty(copy, name, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    } else {
      copy[name] = value;
    }
  }
  return copy;
}

/** The finding with every text it carries made visible. */
export function visibleFinding(finding: Finding): Finding {
  return {
    ...finding,
    message: shown(finding.message),
    evidence: visibleValue(finding.evidence) as Finding['evidence'],
  };
}
