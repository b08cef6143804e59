/** `--as-of` handling: a date means "up to the end of that day, UTC". */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// A run asks about its one as-of date for every read: the last date found valid is remembered.
let lastValid: string | null = null;

export function isValidDate(value: string): boolean {
  if (value === lastValid) return true;
  const match = DATE.exec(value);
  if (!match) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  const valid = !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  if (valid) lastValid = value;
  return valid;
}

/** The last second of the day, as git and Date.parse both read it. */
export function endOfDay(asOf: string): string {
  return `${asOf}T23:59:59Z`;
}

/** Whether an ISO 8601 instant falls on or before the end of the as-of day. */
export function onOrBefore(instant: string, asOf: string): boolean {
  const time = instantTime(instant);
  return !Number.isNaN(time) && time <= endOfDayTime(asOf);
}

// Asked once per tag and branch with the same as-of date: its end is parsed once.
let endAsOf: string | null = null;
let endTime = Number.NaN;

function endOfDayTime(asOf: string): number {
  if (asOf !== endAsOf) {
    endTime = Date.parse(endOfDay(asOf));
    endAsOf = asOf;
  }
  return endTime;
}

/**
 * `Date.parse(text)`, read directly for the form git's iso-strict prints
 * (`2024-05-01T12:00:00+02:00`, or `Z`) with every field in its ordinary range; anything else is
 * left to Date.parse. A day past the month's end rolls over, as Date.parse rolls it.
 */
export function instantTime(text: string): number {
  if (text.length !== 20 && text.length !== 25) return Date.parse(text);
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const offset = offsetMinutes(text);
  const plain =
    text[4] === '-' &&
    text[7] === '-' &&
    text[10] === 'T' &&
    text[13] === ':' &&
    text[16] === ':' &&
    year >= 0 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59 &&
    offset !== null;
  if (!plain) return Date.parse(text);
  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute - offset) * 60_000 + second * 1000;
}

/** The number written at `text[start..start+count)`, or -1 unless it is all ASCII digits. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i += 1) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** `Z` (0) or `±HH:MM` at the end, in minutes east of UTC; null for any other ending. */
function offsetMinutes(text: string): number | null {
  if (text.length === 20) return text[19] === 'Z' ? 0 : null;
  const sign = text[19] === '+' ? 1 : text[19] === '-' ? -1 : 0;
  const hours = digits(text, 20, 2);
  const minutes = digits(text, 23, 2);
  if (sign === 0 || text[22] !== ':' || hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
    return null;
  }
  return sign * (hours * 60 + minutes);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
