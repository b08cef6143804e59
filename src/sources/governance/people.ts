import type { Node } from 'yaml';
import type { Person } from '../../list/model';
import { entries, items, kindOf, text } from '../yaml/access';
import type { YamlDocument } from '../yaml/document';

/** A person: a `{name, email, irc}` mapping, or the pre-2016 plain string `Name (ircnick)`. */
export function readPerson(doc: YamlDocument, node: Node | null, what: string): Person | null {
  const kind = kindOf(doc, node);
  if (kind === 'null') return null;
  if (kind === 'scalar') {
    const value = text(doc, node, what);
    return value ? personFromString(value) : null;
  }
  const person: Person = {};
  for (const { key, value } of entries(doc, node, what)) {
    if (key !== 'name' && key !== 'email' && key !== 'irc') continue;
    const field = text(doc, value, `${what}.${key}`);
    if (field !== null && field !== '') person[key] = field;
  }
  return Object.keys(person).length > 0 ? person : null;
}

/** A list of people; a single person (mapping or string) counts as a one-item list. */
export function readPeople(doc: YamlDocument, node: Node | null, what: string): Person[] {
  const list = kindOf(doc, node) === 'list' ? items(doc, node, what) : [node];
  return list.flatMap((item) => readPerson(doc, item, what) ?? []);
}

/** `John Garbutt (johnthetubaguy)` → name and IRC nick. */
function personFromString(value: string): Person {
  const match = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(value.trim());
  if (match?.[1]) return { name: match[1], irc: match[2] };
  return { name: value.trim() };
}
