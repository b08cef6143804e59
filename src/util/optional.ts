/** `{key: value}` when the value is given, else `{}`: for spreading optional settings. */
export function optional<K extends string>(
  key: K,
  value: string | undefined,
): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
