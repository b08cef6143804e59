import type { LaunchpadProject, LaunchpadTeam, Lookup, SharingGrant } from '../../evidence/types';
import { httpGet, parseJson } from '../net/http';
import type { NetworkOptions } from '../net/options';
import { Unavailable } from '../unavailable';

/** What lazr.restful sends instead of a value the caller may not see. */
export const REDACTED = 'tag:launchpad.net:2008:redacted';
/** Launchpad names: lower case, digits, `+ . -`, starting with a letter or digit. */
const NAME = /^[a-z0-9][a-z0-9+.-]{0,99}$/;
/** Pages of a collection read at most (300 entries each). */
const MAX_PAGES = 5;
export const VMT_TEAM = 'openstack-vuln-mgmt';

type Json = Record<string, unknown>;

/** Reads Launchpad anonymously (read-only); every answer is a Lookup, never a guess. */
export class LaunchpadClient {
  private readonly api: string;

  constructor(private readonly net: NetworkOptions | undefined) {
    this.api = (net?.launchpadApi ?? '').replace(/\/+$/, '');
  }

  /**
   * A project. `absent` is a 404 to an anonymous reader: a missing project, or a private
   * (proprietary) one, which answers 404 as well; the rule says it cannot tell which.
   */
  async project(name: string): Promise<Lookup<LaunchpadProject>> {
    const url = `${this.api}/${name}`;
    return this.lookup(url, `read Launchpad project ${name}`, name, (json) => ({
      name: str(json.name) ?? name,
      owner: linkName(json.owner_link),
      bugSharingPolicy: str(json.bug_sharing_policy),
      officialBugs: bool(json.official_bugs),
      informationType: str(json.information_type),
      private: bool(json.private),
    }));
  }

  /**
   * A team and its size. A 404 is "cannot tell": a private team answers 404 exactly as a
   * missing one does. A person of that name means there is no such team.
   */
  async team(name: string): Promise<Lookup<LaunchpadTeam>> {
    const url = `${this.api}/~${name}`;
    const found = await this.lookup(url, `read Launchpad team ~${name}`, name, (json) => json);
    if (found.state === 'absent') {
      return {
        state: 'unknown',
        url,
        reason: `Launchpad answers 404 for ~${name}: the team is private or does not exist`,
      };
    }
    if (found.state === 'unknown') return found;
    if (found.value.is_team !== true) return { state: 'absent', url };
    const members = await this.members(name);
    return {
      state: 'found',
      url,
      value: {
        name: str(found.value.name) ?? name,
        owner: linkName(found.value.team_owner_link),
        membershipPolicy: str(found.value.membership_policy),
        visibility: str(found.value.visibility),
        size: members.size,
        members: members.entries,
      },
    };
  }

  /** The VMT's Private Security grant: readable only with a driver's authorization. */
  async vmtGrant(project: string): Promise<Lookup<SharingGrant>> {
    const authorization = this.net?.launchpadAuthorization;
    if (!authorization) {
      return {
        state: 'unknown',
        reason:
          "the VMT's Private Security grant on the project cannot be read anonymously (it needs " +
          'driver rights on the project: set LAUNCHPAD_AUTHORIZATION)',
      };
    }
    if (!NAME.test(project)) return badName(project);
    const pillar = encodeURIComponent(`${this.api}/${project}`);
    const url = `${this.api}/+services/sharing?ws.op=getPillarGranteeData&pillar=${pillar}`;
    const what = `read the sharing grants of Launchpad project ${project}`;
    try {
      const answer = await httpGet(
        { source: 'launchpad', url, what, headers: { authorization } },
        this.net,
      );
      if (answer.status !== 'ok') return { state: 'unknown', url, reason: `cannot ${what}: 404` };
      const grantees = parseJson('launchpad', what, answer.body);
      if (!Array.isArray(grantees))
        throw new Unavailable('launchpad', `cannot ${what}: not a list`);
      const vmt = grantees.find((g) => isObject(g) && g.name === VMT_TEAM) as Json | undefined;
      const permissions = vmt && isObject(vmt.permissions) ? vmt.permissions : {};
      const granted = String(permissions.PRIVATESECURITY ?? '').toLowerCase() === 'all';
      return { state: 'found', url, value: granted ? 'granted' : 'not-granted' };
    } catch (error) {
      if (error instanceof Unavailable) return { state: 'unknown', url, reason: error.reason };
      throw error;
    }
  }

  /** `members` of a team: `total_size`, and names as far as MAX_PAGES pages go. */
  private async members(
    team: string,
  ): Promise<{ size: number | null; entries: LaunchpadTeam['members'] }> {
    const entries: LaunchpadTeam['members'] = [];
    let size: number | null = null;
    let url: string | null = `${this.api}/~${team}/members?ws.size=300`;
    for (let page = 0; url !== null && page < MAX_PAGES; page++) {
      const what = `read the members of Launchpad team ~${team}`;
      const answer = await httpGet({ source: 'launchpad', url, what }, this.net);
      if (answer.status !== 'ok') break;
      const json = parseJson('launchpad', what, answer.body);
      if (!isObject(json) || !Array.isArray(json.entries)) break;
      if (typeof json.total_size === 'number') size = json.total_size;
      for (const entry of json.entries) {
        const name = isObject(entry) ? str(entry.name) : null;
        if (name) entries.push({ name, displayName: str((entry as Json).display_name) });
      }
      url = this.sameService(json.next_collection_link);
    }
    return { size, entries };
  }

  /** A link the answer gives is followed only when it points back into the same service. */
  private sameService(link: unknown): string | null {
    return typeof link === 'string' && link.startsWith(`${this.api}/`) ? link : null;
  }

  private async lookup<T>(
    url: string,
    what: string,
    name: string,
    read: (json: Json) => T,
  ): Promise<Lookup<T>> {
    if (!NAME.test(name)) return badName(name);
    try {
      const answer = await httpGet({ source: 'launchpad', url, what }, this.net);
      if (answer.status === 'not-found') return { state: 'absent', url };
      if (answer.status !== 'ok') return { state: 'unknown', url, reason: `cannot ${what}` };
      const json = parseJson('launchpad', what, answer.body);
      if (!isObject(json)) return { state: 'unknown', url, reason: `cannot ${what}: not an entry` };
      return { state: 'found', url, value: read(json) };
    } catch (error) {
      if (error instanceof Unavailable) return { state: 'unknown', url, reason: error.reason };
      throw error;
    }
  }
}

function badName<T>(name: string): Lookup<T> {
  return { state: 'unknown', reason: `'${name}' is not a Launchpad name, so it was not looked up` };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string value; the redaction sentinel and anything else are unknown (null). */
function str(value: unknown): string | null {
  return typeof value === 'string' && value !== REDACTED ? value : null;
}

function bool(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/** `https://api.launchpad.net/devel/~openstack-admins` → `openstack-admins`. */
function linkName(value: unknown): string | null {
  const link = str(value);
  const match = link ? /\/~([a-z0-9][a-z0-9+.-]*)$/.exec(link) : null;
  return match ? (match[1] as string) : null;
}
