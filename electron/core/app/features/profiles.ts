// The core functions behind shared/channels/profiles.ts, one per channel (plain Node, no electron).
// The token arrives once in setToken/rotateToken, goes straight to the vault and is never part of
// an answer; summaries carry only its metadata. A change of URL, headers or token drops the
// profile's open session so the next call is made with what was just saved.

import type { ObservedFacts } from '../../../../shared/observed';
import { probeServer } from '../../probe/index';
import type { ConnectionTestResult, ProfileFields, ProfileList, ProfileStatus, ProfileSummary, ProfileTokenInfo, ProfileVendor, SecretState, TokenSetResult } from '../../../../shared/channels/profiles';
import type { PROFILE_CHANNELS } from '../../../../shared/channels/profiles';
import { InspectorError, toAppError, type AppError } from '../../../../shared/errors';
import {
  capabilityTable,
  clearProfileToken,
  discoveryTokenTest,
  profileTokenMetadata,
  removeProfile,
  rotateProfileToken,
  setProfileToken,
  testConnection,
  updateProfile,
  type Profile,
  type VendorHint,
} from '../../profiles/index';
import { REDACTED, redactHeaders } from '../../scim/request-log';
import type { AppContext } from '../context';
import { connectionView, missingSecret, secretStates } from '../profile-connection-view';
import { removeUploadedPem } from '../../profiles/tls-store';
import type { FunctionsFor } from '../functions';
import type { SavedProfiles } from '../saved-profiles';
import { SANDBOX_PROFILE_ID } from '../sessions';

// The renderer's vendor list is a copy of the core's; this fails to compile if they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const vendorListsAgree: Same<VendorHint, ProfileVendor> = true;
void vendorListsAgree;

interface KnownStatus {
  status: ProfileStatus;
  detail: string | null;
}

/** Last known status per profile, per app context (a test or a token change sets it). */
const statuses = new WeakMap<AppContext, Map<string, KnownStatus>>();

function statusMap(ctx: AppContext): Map<string, KnownStatus> {
  let map = statuses.get(ctx);
  if (!map) statuses.set(ctx, (map = new Map()));
  return map;
}

function statusOf(error: AppError | null): ProfileStatus {
  if (!error) return 'connected';
  if (error.code === 'unauthorized') return 'unauthorized';
  if (error.code === 'token-missing') return 'token-missing';
  return 'failed';
}

export function saved(ctx: AppContext): SavedProfiles {
  if (!ctx.profiles) {
    throw new InspectorError('usage', 'This window runs without saved profiles (only the demo sandbox). Start the app or `serve` without --sandbox-only options to manage profiles.');
  }
  return ctx.profiles;
}

export function assertEditable(profileId: string): void {
  if (profileId === SANDBOX_PROFILE_ID) {
    throw new InspectorError('invalid-input', 'The built-in sandbox profile cannot be changed or removed; add a profile of your own with "New profile".');
  }
}

function summarize(ctx: AppContext, profile: Profile, token: ProfileTokenInfo | null, secrets: SecretState[]): ProfileSummary {
  const redacted = redactHeaders(profile.headers);
  const known = statusMap(ctx).get(profile.id);
  const missing = missingSecret(profile, token, secrets);
  const status: ProfileStatus = missing !== null ? 'token-missing' : (known?.status ?? 'unknown');
  return {
    ...connectionView(profile, secrets),
    id: profile.id,
    name: profile.name,
    builtIn: false,
    baseUrl: profile.baseUrl,
    vendor: profile.vendor,
    readOnly: profile.readOnly,
    production: profile.production === true,
    headers: Object.keys(profile.headers).map((name) => ({ name, value: redacted[name] ?? REDACTED, redacted: redacted[name] !== profile.headers[name] })),
    pageSize: profile.pageSize ?? null,
    concurrency: profile.concurrency ?? null,
    protectedUsers: [...profile.protectedUsers],
    token,
    status,
    statusDetail: known?.detail ?? missing,
    observed: profile.observed ?? null,
  };
}

function sandboxSummary(ctx: AppContext): ProfileSummary {
  const s = ctx.sessions.sandboxStatus();
  const known = statusMap(ctx).get(SANDBOX_PROFILE_ID);
  // The configured vendor even before the demo tenant has started (it said "rfc" for every vendor).
  const vendor = ctx.sessions.sandboxVendor();
  return {
    id: SANDBOX_PROFILE_ID,
    name: 'Sandbox tenant (demo)',
    builtIn: true,
    baseUrl: s.url ?? 'in-process demo tenant (starts on first use)',
    // The omission dialect emulates no vendor: its PatchOps are the RFC's, as for a generic server.
    vendor: vendor === 'omission' ? 'generic' : vendor,
    readOnly: false,
    production: false,
    headers: [],
    pageSize: null,
    concurrency: null,
    protectedUsers: [],
    // The demo token is generated per run and held by main; the renderer only learns it exists.
    token: { hasToken: true, length: null, last4: null, setAt: null },
    auth: { scheme: 'bearer' },
    secretHeaders: [],
    proxy: { mode: 'none' },
    tls: { ca: null, clientCert: null, clientKey: null },
    secrets: [],
    status: known?.status ?? 'unknown',
    statusDetail: known?.detail ?? null,
    // The demo tenant's facts live in its session (there is no saved profile to hold them).
    observed: ctx.sessions.openSession(SANDBOX_PROFILE_ID)?.client.observed ?? null,
  };
}

export async function summaryOf(ctx: AppContext, profile: Profile): Promise<ProfileSummary> {
  let token: ProfileTokenInfo | null = null;
  let secrets: SecretState[] = [];
  try {
    token = await profileTokenMetadata(profile, saved(ctx).vault);
    secrets = await secretStates(profile, saved(ctx).vault);
  } catch {
    // The list call reports the keychain problem once; a single summary just shows "unknown".
  }
  return summarize(ctx, profile, token, secrets);
}

async function list(ctx: AppContext): Promise<ProfileList> {
  const out: ProfileList = { profiles: [sandboxSummary(ctx)], notices: [], keychainError: null };
  if (!ctx.profiles) return out;
  const { store, vault } = ctx.profiles;
  const profiles = store.list();
  out.notices = [...store.notices];
  for (const profile of profiles) {
    let token: ProfileTokenInfo | null = null;
    let secrets: SecretState[] = [];
    // One keychain failure is enough: asking again per profile would only repeat the wait.
    if (!out.keychainError) {
      try {
        token = await profileTokenMetadata(profile, vault);
        secrets = await secretStates(profile, vault);
      } catch (error) {
        out.keychainError = toAppError(error);
      }
    }
    out.profiles.push(summarize(ctx, profile, token, secrets));
  }
  return out;
}

/** ProfileFields -> the store's input: nulls mean "back to the default", redacted headers kept. */
function storeInput(fields: ProfileFields, current: Profile | null): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (value === null && current === null) continue;
    input[key] = value;
  }
  if (fields.headers) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(fields.headers)) {
      const stored = current ? Object.entries(current.headers).find(([n]) => n.toLowerCase() === name.toLowerCase()) : undefined;
      // The editor only ever saw "[redacted]" for secret-looking headers; sending it back means "keep".
      headers[name] = value === REDACTED && stored ? stored[1] : value;
    }
    input.headers = headers;
  }
  return input;
}

async function add(ctx: AppContext, fields: ProfileFields): Promise<ProfileSummary> {
  const profile = saved(ctx).store.add(storeInput(fields, null));
  return summaryOf(ctx, profile);
}

async function update(ctx: AppContext, { profileId, fields }: { profileId: string; fields: ProfileFields }): Promise<ProfileSummary> {
  assertEditable(profileId);
  const { store, vault } = saved(ctx);
  const current = store.get(profileId);
  // Secrets stored for another origin than the profile now points at are deleted here, in the
  // core, so neither the IPC nor the browser-mode API can send a token to a new host.
  const { profile: next, notices } = await updateProfile(store, vault, profileId, storeInput(fields, current));
  await ctx.sessions.closeSession(profileId);
  if (notices.length > 0) statusMap(ctx).set(profileId, { status: 'token-missing', detail: notices.join(' ') });
  else if (next.baseUrl !== current.baseUrl || JSON.stringify(next.headers) !== JSON.stringify(current.headers)) statusMap(ctx).delete(profileId);
  return summaryOf(ctx, next);
}

async function remove(ctx: AppContext, { profileId }: { profileId: string }): Promise<{ removed: boolean; notices: string[] }> {
  assertEditable(profileId);
  const { store, vault } = saved(ctx);
  const { profile, notices } = await removeProfile(store, vault, profileId);
  // PEM copies the app kept for a browser-mode upload go with the profile.
  for (const path of Object.values(profile.tls ?? {})) removeUploadedPem(ctx.dataDir, path);
  await ctx.sessions.closeSession(profileId);
  statusMap(ctx).delete(profileId);
  return { removed: true, notices };
}

async function tokenChanged(ctx: AppContext, profileId: string, token: ProfileTokenInfo, notices: string[], status: KnownStatus | null): Promise<TokenSetResult> {
  await ctx.sessions.closeSession(profileId);
  if (status) statusMap(ctx).set(profileId, status);
  else statusMap(ctx).delete(profileId);
  return { profileId, token, notices };
}

async function setToken(ctx: AppContext, { profileId, token }: { profileId: string; token: string }): Promise<TokenSetResult> {
  assertEditable(profileId);
  const { store, vault } = saved(ctx);
  const change = await setProfileToken(store, vault, profileId, token);
  return tokenChanged(ctx, profileId, change.metadata, change.notices, null);
}

async function rotateToken(ctx: AppContext, { profileId, token }: { profileId: string; token: string }): Promise<TokenSetResult> {
  assertEditable(profileId);
  const { store, vault } = saved(ctx);
  const profile = store.get(profileId);
  const change = await rotateProfileToken(store, vault, profileId, token, discoveryTokenTest(profile, vault));
  // The new token just passed discovery, so the profile is known to connect.
  return tokenChanged(ctx, profileId, change.metadata, change.notices, { status: 'connected', detail: null });
}

async function clearToken(ctx: AppContext, { profileId }: { profileId: string }): Promise<TokenSetResult> {
  assertEditable(profileId);
  const { store, vault } = saved(ctx);
  await clearProfileToken(store, vault, profileId);
  return tokenChanged(ctx, profileId, { hasToken: false, length: null, last4: null, setAt: null }, [], null);
}

/** Saves the probe's facts in the profile and hands them to its open session (listings, lookups). */
export function recordObserved(ctx: AppContext, profileId: string, facts: ObservedFacts): void {
  if (profileId !== SANDBOX_PROFILE_ID) saved(ctx).store.setObserved(profileId, facts);
  ctx.sessions.openSession(profileId)?.client.observe(facts);
}

async function testSandbox(ctx: AppContext): Promise<Omit<ConnectionTestResult, 'status' | 'profileId'>> {
  const started = performance.now();
  try {
    const session = await ctx.sessions.session(SANDBOX_PROFILE_ID);
    const d = await session.client.discover();
    session.discovered = true;
    // The demo tenant has no saved profile: its facts stay with its session (probeServer sets them).
    const observed = await probeServer(session.client, { discovery: d });
    return { ok: true, capabilities: d.capabilities, table: capabilityTable(d.capabilities), roundTripMs: Math.round(d.roundTripMs), warnings: [...d.warnings], baseUrl: d.baseUrl, error: null, observed, connection: session.client.transport.describe() };
  } catch (error) {
    return { ok: false, capabilities: null, table: [], roundTripMs: Math.round(performance.now() - started), warnings: [], baseUrl: null, error: toAppError(error), observed: null };
  }
}

async function test(ctx: AppContext, { profileId }: { profileId: string }): Promise<ConnectionTestResult> {
  let result: Omit<ConnectionTestResult, 'status' | 'profileId'>;
  if (profileId === SANDBOX_PROFILE_ID) {
    result = await testSandbox(ctx);
  } else {
    const { store, vault } = saved(ctx);
    const r = await testConnection(store.get(profileId), vault, {}, { probe: true });
    result = { ...r, error: r.error ?? null };
    if (r.observed) recordObserved(ctx, profileId, r.observed);
  }
  const status = statusOf(result.error);
  statusMap(ctx).set(profileId, { status, detail: result.error?.message ?? null });
  return { profileId, status, ...result };
}

export const profileFunctions: FunctionsFor<typeof PROFILE_CHANNELS> = {
  'profiles.list': (ctx) => list(ctx),
  'profiles.add': add,
  'profiles.update': update,
  'profiles.remove': remove,
  'profiles.setToken': setToken,
  'profiles.rotateToken': rotateToken,
  'profiles.clearToken': clearToken,
  'profiles.test': test,
};
