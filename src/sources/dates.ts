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
  const time = Date.parse(instant);
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
