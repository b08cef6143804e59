/** `--as-of` handling: a date means "up to the end of that day, UTC". */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** The last second of the day, as git and Date.parse both read it. */
export function endOfDay(asOf: string): string {
  return `${asOf}T23:59:59Z`;
}

/** Whether an ISO 8601 instant falls on or before the end of the as-of day. */
export function onOrBefore(instant: string, asOf: string): boolean {
  const time = Date.parse(instant);
  return !Number.isNaN(time) && time <= Date.parse(endOfDay(asOf));
}
