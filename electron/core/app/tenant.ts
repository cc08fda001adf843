// Which tenant a journal, a run or a snapshot belongs to. A tenant is a SCIM base URL — origin
// and path — so the history of one profile is never mixed with another's. A profile's base URL
// can move during discovery (".../" probed to ".../scim/v2"), so a profile owns the keys of all
// the bases discovery would try for it, plus the one its client uses now.

import { candidateBaseUrls, normalizeBaseUrl } from '../scim/base-url';
import type { AppContext } from './context';
import { SANDBOX_PROFILE_ID } from './sessions';

export interface Tenant {
  /** The base URL the profile's client uses now. */
  baseUrl: string;
  /** The profile's name, to label the tenant. */
  name: string;
  keys: Set<string>;
}

/** The comparable form of a base URL or of any URL under it (…/Users/{id} reduces to the base). */
export function tenantKey(url: string): string {
  try {
    return normalizeBaseUrl(url);
  } catch {
    // A journal written with an address this version no longer accepts still gets a stable key.
    return url.trim().replace(/\/+$/, '').toLowerCase();
  }
}

function keysOf(...urls: string[]): Set<string> {
  const keys = new Set<string>();
  for (const url of urls) {
    keys.add(tenantKey(url));
    try {
      for (const candidate of candidateBaseUrls(url)) keys.add(tenantKey(candidate));
    } catch {
      // An unusable URL has only its own key.
    }
  }
  return keys;
}

/** The open profile's tenant. Opens the profile's session (no network call) to learn its base URL. */
export async function tenantOf(ctx: AppContext, profileId: string): Promise<Tenant> {
  const { client } = await ctx.sessions.session(profileId);
  const saved = profileId === SANDBOX_PROFILE_ID ? null : ctx.profiles?.store.get(profileId);
  // Every sandbox run is its own tenant; its vendor tells two of them apart in a label.
  const sandbox = profileId === SANDBOX_PROFILE_ID ? `Sandbox tenant (demo, ${ctx.sessions.sandboxVendor()})` : profileId;
  const name = saved?.name ?? sandbox;
  return { baseUrl: client.baseUrl, name, keys: saved ? keysOf(client.baseUrl, saved.baseUrl) : keysOf(client.baseUrl) };
}

export function belongsTo(tenant: Tenant, url: string): boolean {
  return tenant.keys.has(tenantKey(url));
}

/** A label for another tenant: the name of a saved profile pointing at it, else its URL. */
export function tenantName(ctx: AppContext, url: string): string {
  const key = tenantKey(url);
  for (const profile of ctx.profiles?.store.list() ?? []) {
    if (keysOf(profile.baseUrl).has(key)) return profile.name;
  }
  return tenantKey(url);
}
