// `profiles list|add|remove|set-token|test` (design/cli.md): saved connections in profiles.json
// and their tokens in the OS keychain. A token is read from stdin or a hidden prompt, never from
// argv, and no output of these commands contains it — only {hasToken, length, last4, setAt}.

import { observedText } from '../observed-text';
import { InspectorError, exitCodeFor } from '../../../../shared/errors';
import {
  createProfileStore,
  discoveryTokenTest,
  parseHeaderLine,
  profileTokenMetadata,
  removeProfile,
  rotateProfileToken,
  setProfileToken,
  testConnection,
  userDataDir,
  VENDOR_HINTS,
  type Profile,
  type ProfileStore,
} from '../../../core/profiles';
import { createKeytarVault, type TokenMetadata, type Vault } from '../../../core/vault';
import { readToken } from '../secret-input';
import { PROFILE_SETTING_OPTIONS, profileSettingsFromFlags, secretsNeeded } from '../auth-flags';
import { connectionLines, profilesSetSecret } from './profiles-secrets';
import { optFlag, optInt, optList, optString, type OptionSpec } from '../args';
import type { Command, CommandContext } from '../command';
import { CONNECTION_OPTIONS } from '../options';

/** The connection flags `profiles add` shares, same spec objects so the parser sees one meaning. */
function shared(name: string): OptionSpec {
  const spec = CONNECTION_OPTIONS[name];
  if (!spec) throw new InspectorError('internal', `The shared option --${name} is missing from options.ts.`);
  return spec;
}

function openStore(ctx: CommandContext): ProfileStore {
  const store = createProfileStore({ dir: userDataDir(ctx.env) });
  for (const notice of store.notices) ctx.out.warn(notice);
  return store;
}

function summary(profile: Profile, token: TokenMetadata | null): Record<string, unknown> {
  return {
    id: profile.id,
    name: profile.name,
    baseUrl: profile.baseUrl,
    vendor: profile.vendor,
    readOnly: profile.readOnly,
    production: profile.production === true,
    // Header values can be keys of their own; list shows names only.
    headers: Object.keys(profile.headers),
    ...(profile.pageSize !== undefined ? { pageSize: profile.pageSize } : {}),
    ...(profile.concurrency !== undefined ? { concurrency: profile.concurrency } : {}),
    protectedUsers: profile.protectedUsers,
    auth: profile.auth ?? { scheme: 'bearer' },
    ...(profile.secretHeaders ? { secretHeaders: profile.secretHeaders } : {}),
    proxy: profile.proxy ?? { mode: 'environment' },
    ...(profile.tls ? { tls: profile.tls } : {}),
    token,
  };
}

function tokenText(t: TokenMetadata | null): string {
  if (t === null) return 'token: keychain unavailable';
  if (!t.hasToken) return 'no token';
  return `token ${t.last4 ? `…${t.last4}` : 'set'} (${t.length} chars${t.setAt ? `, set ${t.setAt}` : ''})`;
}

const profilesList: Command = {
  words: ['profiles', 'list'],
  operands: '',
  minOperands: 0,
  maxOperands: 0,
  summary: 'saved profiles and whether each has a token in the OS keychain',
  options: {},
  connects: false,
  run: async (ctx) => {
    const store = openStore(ctx);
    const vault = createKeytarVault();
    const profiles = store.list();
    let keychainError: string | null = null;
    const rows: Record<string, unknown>[] = [];
    for (const p of profiles) {
      let token: TokenMetadata | null = null;
      if (keychainError === null) {
        try {
          token = await profileTokenMetadata(p, vault);
        } catch (error) {
          if (!(error instanceof InspectorError) || error.code !== 'keychain-unavailable') throw error;
          // The list is still useful without token status; say why it is missing, once.
          keychainError = error.message;
          ctx.out.warn(error.message);
        }
      }
      rows.push(summary(p, token));
    }
    ctx.out.result({ file: store.path, profiles: rows }, () =>
      profiles.length === 0
        ? `No saved profiles (${store.path}). Add one with: scim-inspector profiles add NAME --url URL\n`
        : `${rows
            .map((r, i) => {
              const p = profiles[i] as Profile;
              const scheme = p.auth?.scheme ?? 'bearer';
              return `${p.name}  ${p.baseUrl}  ${p.vendor}${p.production ? '  PRODUCTION' : ''}${p.readOnly ? '  read-only' : ''}  ${scheme === 'bearer' ? tokenText(r.token as TokenMetadata | null) : `${scheme} auth`}`;
            })
            .join('\n')}\n`,
    );
    return 0;
  },
};

const profilesAdd: Command = {
  words: ['profiles', 'add'],
  operands: 'NAME',
  minOperands: 1,
  maxOperands: 1,
  summary: 'save a profile (then store its token with `profiles set-token NAME`)',
  options: {
    url: shared('url'),
    'read-only': { kind: 'boolean', help: 'refuse every write through this profile' },
    production: { kind: 'boolean', help: 'mark a production tenant (the app shows a colour band and a Production badge)' },
    vendor: { kind: 'string', choices: VENDOR_HINTS, valueName: 'V', help: `vendor hint (${VENDOR_HINTS.join(', ')}; default generic)` },
    header: shared('header'),
    'page-size': shared('page-size'),
    concurrency: shared('concurrency'),
    protect: { kind: 'repeatable', valueName: 'USER', help: 'break-glass userName or id never deactivated through this profile (repeatable)' },
    ...Object.fromEntries(['auth', 'username', 'token-url', 'client-id', 'scope', 'client-auth', 'proxy', 'proxy-user', 'ca-file', 'client-cert', 'client-key'].map((n) => [n, shared(n)])),
    ...PROFILE_SETTING_OPTIONS,
  },
  connects: false,
  run: async (ctx) => {
    const url = optString(ctx.args, 'url');
    if (url === undefined) throw new InspectorError('usage', 'profiles add needs --url URL (the SCIM base URL).');
    const headers = Object.fromEntries(optList(ctx.args, 'header').map(parseHeaderLine));
    const input: Record<string, unknown> = { name: ctx.operands[0], baseUrl: url, readOnly: optFlag(ctx.args, 'read-only'), headers };
    if (optFlag(ctx.args, 'production')) input.production = true;
    const vendor = optString(ctx.args, 'vendor');
    if (vendor !== undefined) input.vendor = vendor;
    const pageSize = optInt(ctx.args, 'page-size');
    if (pageSize !== undefined) input.pageSize = pageSize;
    const concurrency = optInt(ctx.args, 'concurrency');
    if (concurrency !== undefined) input.concurrency = concurrency;
    const protect = optList(ctx.args, 'protect');
    if (protect.length > 0) input.protectedUsers = protect;
    const settings = profileSettingsFromFlags(ctx.args);
    const profile = openStore(ctx).add({ ...input, ...settings });
    const next = secretsNeeded(settings).map((kind) => (kind === 'token' ? `scim-inspector profiles set-token ${profile.name}` : `scim-inspector profiles set-secret ${profile.name} ${kind}`));
    ctx.out.result(
      { profile: summary(profile, { hasToken: false, length: null, last4: null, setAt: null }), secretsToStore: next },
      () => `Saved profile "${profile.name}" → ${profile.baseUrl}${profile.production ? ' (production)' : ''}${profile.readOnly ? ' (read-only)' : ''}.\n${next.length > 0 ? `Store its secrets in the OS keychain with:\n${next.map((c) => `  ${c}`).join('\n')}\n` : ''}`,
    );
    return 0;
  },
};

const profilesRemove: Command = {
  words: ['profiles', 'remove'],
  operands: 'NAME',
  minOperands: 1,
  maxOperands: 1,
  summary: 'delete a profile and its token from the OS keychain',
  options: {},
  connects: false,
  run: async (ctx) => {
    const store = openStore(ctx);
    const profile = store.getByName(ctx.operands[0] ?? '');
    const removed = await removeProfile(store, createKeytarVault(), profile.id);
    for (const n of removed.notices) ctx.out.warn(n);
    ctx.out.result({ removed: { id: profile.id, name: profile.name }, notices: removed.notices }, () => `Removed profile "${profile.name}".\n`);
    return 0;
  },
};

const profilesSetToken: Command = {
  words: ['profiles', 'set-token'],
  operands: 'NAME',
  minOperands: 1,
  maxOperands: 1,
  summary: 'store the profile\'s bearer token in the OS keychain (read from stdin or a hidden prompt)',
  options: {
    verify: { kind: 'boolean', help: 'run discovery with the new token first; keep the old token if it fails' },
  },
  connects: false,
  run: async (ctx) => {
    const store = openStore(ctx);
    const profile = store.getByName(ctx.operands[0] ?? '');
    const vault: Vault = createKeytarVault();
    const raw = await readToken(profile.name, { stdin: process.stdin, stderr: process.stderr });
    const change = optFlag(ctx.args, 'verify')
      ? await rotateProfileToken(store, vault, profile.id, raw, discoveryTokenTest(profile, vault))
      : await setProfileToken(store, vault, profile.id, raw);
    for (const n of change.notices) ctx.out.warn(n);
    ctx.out.result({ profile: profile.name, token: change.metadata, notices: change.notices }, () => `Stored the token for "${profile.name}" in the OS keychain (${tokenText(change.metadata)}).\n`);
    return 0;
  },
};

const profilesTest: Command = {
  words: ['profiles', 'test'],
  operands: 'NAME',
  minOperands: 1,
  maxOperands: 1,
  summary: 'test connection: discovery, capability table, round-trip time, warnings, and the behaviour probe (saved in the profile)',
  options: {},
  connects: false,
  run: async (ctx) => {
    const store = openStore(ctx);
    const profile = store.getByName(ctx.operands[0] ?? '');
    const result = await testConnection(profile, createKeytarVault(), {}, { signal: ctx.signal, probe: true });
    for (const w of result.warnings) ctx.out.warn(w);
    // The facts are the server's, observed now: the profile keeps them with their date.
    if (result.observed) store.setObserved(profile.id, result.observed);
    const doc = { profile: profile.name, ...result };
    if (!result.ok && result.error) {
      // The document goes to stdout either way (scripts read it); the error also goes to stderr.
      ctx.out.result(doc, () => `Connection to "${profile.name}" failed after ${result.roundTripMs} ms.\n`);
      ctx.out.error(result.error);
      return exitCodeFor(result.error.code);
    }
    ctx.out.result(doc, () =>
      [`Connected to "${profile.name}" at ${result.baseUrl} in ${result.roundTripMs} ms.`, ...result.table.map((r) => `  ${r.label.padEnd(14)}${r.value}`), ...connectionLines(result.connection ?? null), '', ...(result.observed ? [observedText(result.observed)] : [])].join('\n'),
    );
    return 0;
  },
};

export const PROFILES_COMMANDS: readonly Command[] = [profilesList, profilesAdd, profilesRemove, profilesSetToken, profilesSetSecret, profilesTest];
