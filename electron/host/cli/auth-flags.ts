// The CLI's auth, proxy and TLS flags turned into connection settings and secret sources, for the
// core's connectionParts (the same function a saved profile goes through). Secrets come only from
// environment variables the flags name — never from an argument — and an unset one is named
// before anything connects.

import { resolve as resolvePath } from 'node:path';
import { InspectorError } from '../../../shared/errors';
import { validateAuth, validateProxyUrl, validateSecretHeaders } from '../../core/profiles/connection-settings';
import type { ConnectionSettings, SecretSources } from '../../core/profiles/connection-parts';
import { headerSecret } from '../../core/profiles/secrets';
import type { AuthSettings, ProxySettings, SecretKind, TlsSettings } from '../../core/profiles/types';
import { optList, optString, type OptionSpec, type ParsedArgs } from './args';

export const AUTH_SCHEME_CHOICES = ['bearer', 'basic', 'oauth2', 'api-key'] as const;

export const AUTH_OPTIONS: Record<string, OptionSpec> = {
  auth: { kind: 'string', choices: AUTH_SCHEME_CHOICES, valueName: 'SCHEME', help: 'bearer (default), basic, oauth2 (client credentials) or api-key' },
  username: { kind: 'string', valueName: 'NAME', help: 'Basic: the user name' },
  'password-env': { kind: 'string', valueName: 'VAR', help: 'Basic: environment variable holding the password' },
  'token-url': { kind: 'string', valueName: 'URL', help: 'OAuth 2.0: the token endpoint' },
  'client-id': { kind: 'string', valueName: 'ID', help: 'OAuth 2.0: the client id' },
  'client-secret-env': { kind: 'string', valueName: 'VAR', help: 'OAuth 2.0: environment variable holding the client secret' },
  scope: { kind: 'string', valueName: 'S', help: 'OAuth 2.0: scopes to ask for (space-separated)' },
  'client-auth': { kind: 'string', choices: ['basic', 'post'], valueName: 'basic|post', help: 'OAuth 2.0: client secret in HTTP Basic (default) or in the form body' },
  'header-env': { kind: 'repeatable', valueName: '"Name=VAR"', help: 'API key: send header Name with the value of environment variable VAR (repeatable)' },
};

export const NETWORK_OPTIONS: Record<string, OptionSpec> = {
  proxy: { kind: 'string', valueName: 'URL|none', help: 'proxy for every call (default: HTTPS_PROXY/http_proxy/NO_PROXY as curl reads them; none: direct)' },
  'proxy-user': { kind: 'string', valueName: 'NAME', help: 'user name for the proxy' },
  'proxy-password-env': { kind: 'string', valueName: 'VAR', help: 'environment variable holding the proxy password' },
  'ca-file': { kind: 'string', valueName: 'PEM', help: 'a private CA, added to the system CAs' },
  'client-cert': { kind: 'string', valueName: 'PEM', help: 'client certificate for mutual TLS' },
  'client-key': { kind: 'string', valueName: 'PEM', help: 'private key of the client certificate' },
  'client-key-passphrase-env': { kind: 'string', valueName: 'VAR', help: 'environment variable holding the client key passphrase' },
};

function usage(message: string, option: string): InspectorError {
  return new InspectorError('usage', message, { option });
}

function envName(args: ParsedArgs, flag: string): string | undefined {
  const name = optString(args, flag);
  if (name === undefined) return undefined;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw usage(`--${flag} takes the NAME of an environment variable (like SCIM_SECRET), not a value.`, flag);
  return name;
}

/** A secret from the environment variable a flag names: checked now, read again per request. */
function requireEnv(env: NodeJS.ProcessEnv, flag: string, name: string, what: string): () => string {
  const read = (): string => {
    const value = env[name];
    if (value === undefined || value === '') throw new InspectorError('token-missing', `The environment variable ${name} (--${flag}) is not set or empty. Export the ${what} in it and run again.`, { env: name, option: flag, ...(flag === 'token-env' ? { tokenEnv: name } : {}) });
    return value;
  };
  read(); // fail before anything connects
  return read;
}

function core<T>(flag: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    // The core's rule in the CLI's words: a bad flag is a usage error (exit 2).
    if (error instanceof InspectorError) throw new InspectorError('usage', `--${flag}: ${error.message}`, { option: flag });
    throw error;
  }
}

const AUTH_FLAGS = ['auth', 'username', 'password-env', 'token-url', 'client-id', 'client-secret-env', 'scope', 'client-auth', 'header-env'];

/** Whether any auth flag was given (they only go with --url). */
export function authFlagGiven(args: ParsedArgs): string | undefined {
  return AUTH_FLAGS.find((f) => args.options.has(f));
}

/** --url: the scheme, API-key headers and where each secret comes from. */
export function authFromFlags(args: ParsedArgs, env: NodeJS.ProcessEnv): { settings: Pick<ConnectionSettings, 'auth' | 'secretHeaders'>; sources: Map<SecretKind, () => string> } {
  const sources = new Map<SecretKind, () => string>();
  const headerPairs = optList(args, 'header-env').map((item) => {
    const eq = item.indexOf('=');
    if (eq <= 0) throw usage('--header-env needs "Name=VAR": the header name, "=", then the environment variable holding its value.', 'header-env');
    return { name: item.slice(0, eq).trim(), variable: item.slice(eq + 1).trim() };
  });
  const tokenEnv = envName(args, 'token-env');
  const scheme = optString(args, 'auth') ?? (tokenEnv === undefined && headerPairs.length > 0 ? 'api-key' : 'bearer');
  const need = (flag: string): string => {
    const value = optString(args, flag);
    if (value === undefined) throw usage(`--auth ${scheme} needs --${flag}.`, flag);
    return value;
  };
  if (scheme !== 'bearer' && tokenEnv !== undefined) throw usage(`--token-env is for --auth bearer; --auth ${scheme} takes its own secret flags.`, 'token-env');
  let auth: AuthSettings;
  if (scheme === 'bearer') {
    if (tokenEnv === undefined) throw usage('--url needs --token-env VAR: the bearer token is read from that environment variable, never from the command line (or choose another --auth).', 'token-env');
    sources.set('token', requireEnv(env, 'token-env', tokenEnv, 'bearer token'));
    auth = { scheme: 'bearer' };
  } else if (scheme === 'basic') {
    auth = core('username', () => validateAuth({ scheme, username: need('username') }) as AuthSettings);
    sources.set('password', requireEnv(env, 'password-env', envName(args, 'password-env') ?? need('password-env'), 'password'));
  } else if (scheme === 'oauth2') {
    auth = core('token-url', () => validateAuth({ scheme, tokenUrl: need('token-url'), clientId: need('client-id'), scope: optString(args, 'scope'), clientAuth: optString(args, 'client-auth') ?? 'basic' }) as AuthSettings);
    sources.set('client-secret', requireEnv(env, 'client-secret-env', envName(args, 'client-secret-env') ?? need('client-secret-env'), 'OAuth client secret'));
  } else {
    if (headerPairs.length === 0) throw usage('--auth api-key needs at least one --header-env "Name=VAR".', 'header-env');
    auth = { scheme: 'api-key' };
  }
  for (const flag of ['username', 'password-env'] as const) if (scheme !== 'basic' && args.options.has(flag)) throw usage(`--${flag} goes with --auth basic.`, flag);
  for (const flag of ['token-url', 'client-id', 'client-secret-env', 'scope', 'client-auth'] as const) if (scheme !== 'oauth2' && args.options.has(flag)) throw usage(`--${flag} goes with --auth oauth2.`, flag);
  const secretHeaders = core('header-env', () => validateSecretHeaders(headerPairs.map((h) => h.name)) ?? []);
  for (const h of headerPairs) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(h.variable)) throw usage(`--header-env ${h.name}=… takes the NAME of an environment variable after "=", not the value.`, 'header-env');
    sources.set(headerSecret(h.name), requireEnv(env, 'header-env', h.variable, `value of the ${h.name} header`));
  }
  return { settings: { auth, ...(secretHeaders.length > 0 ? { secretHeaders } : {}) }, sources };
}

/** --proxy, --ca-file, --client-cert…: settings that override a profile's, with their env secrets. */
export function networkFromFlags(args: ParsedArgs, env: NodeJS.ProcessEnv): { proxy?: ProxySettings; tls?: TlsSettings; sources: Map<SecretKind, () => string> } {
  const sources = new Map<SecretKind, () => string>();
  const out: { proxy?: ProxySettings; tls?: TlsSettings; sources: Map<SecretKind, () => string> } = { sources };
  const proxy = optString(args, 'proxy');
  const proxyUser = optString(args, 'proxy-user');
  const proxyPasswordEnv = envName(args, 'proxy-password-env');
  if (proxy !== undefined) {
    if (proxy === 'none') out.proxy = { mode: 'none' };
    else out.proxy = { mode: 'url', url: core('proxy', () => validateProxyUrl(proxy)), ...(proxyUser ? { username: proxyUser } : {}) };
  }
  if (proxyUser !== undefined && out.proxy?.mode !== 'url') throw usage('--proxy-user goes with --proxy URL (for the environment proxy, put user:password in HTTPS_PROXY).', 'proxy-user');
  if (proxyPasswordEnv !== undefined) {
    if (proxyUser === undefined) throw usage('--proxy-password-env goes with --proxy-user NAME.', 'proxy-password-env');
    sources.set('proxy-password', requireEnv(env, 'proxy-password-env', proxyPasswordEnv, 'proxy password'));
  }
  const tls: TlsSettings = {};
  for (const [flag, key] of [['ca-file', 'caFile'], ['client-cert', 'clientCertFile'], ['client-key', 'clientKeyFile']] as const) {
    const path = optString(args, flag);
    if (path !== undefined) tls[key] = resolvePath(path);
  }
  if ((tls.clientCertFile === undefined) !== (tls.clientKeyFile === undefined)) throw usage('--client-cert and --client-key go together (the certificate and its private key).', tls.clientCertFile ? 'client-key' : 'client-cert');
  const passphraseEnv = envName(args, 'client-key-passphrase-env');
  if (passphraseEnv !== undefined) {
    if (tls.clientKeyFile === undefined) throw usage('--client-key-passphrase-env goes with --client-key PEM.', 'client-key-passphrase-env');
    sources.set('key-passphrase', requireEnv(env, 'client-key-passphrase-env', passphraseEnv, 'client key passphrase'));
  }
  if (Object.keys(tls).length > 0) out.tls = tls;
  return out;
}

export const PROFILE_SETTING_OPTIONS: Record<string, OptionSpec> = {
  'secret-header': { kind: 'repeatable', valueName: 'NAME', help: 'a header whose value (an API key) is kept in the OS keychain: `profiles set-secret NAME header:NAME` (repeatable)' },
};

/**
 * `profiles add`: the scheme, secret header names, proxy and TLS files of a profile — never its
 * secrets, which go to the keychain with `profiles set-token` / `set-secret`.
 */
export function profileSettingsFromFlags(args: ParsedArgs): ConnectionSettings {
  for (const flag of ['password-env', 'client-secret-env', 'header-env', 'proxy-password-env', 'client-key-passphrase-env']) {
    if (args.options.has(flag)) throw usage(`--${flag} is for one run; a profile keeps its secrets in the OS keychain: store them with \`profiles set-token\` or \`profiles set-secret NAME KIND\` after adding it.`, flag);
  }
  const out: ConnectionSettings = {};
  const scheme = optString(args, 'auth');
  if (scheme !== undefined && scheme !== 'bearer') {
    const fields: Record<string, unknown> = { scheme };
    for (const [flag, key] of [['username', 'username'], ['token-url', 'tokenUrl'], ['client-id', 'clientId'], ['scope', 'scope'], ['client-auth', 'clientAuth']] as const) {
      const value = optString(args, flag);
      if (value !== undefined) fields[key] = value;
    }
    out.auth = core('auth', () => validateAuth(fields) as AuthSettings);
  }
  const secretHeaders = optList(args, 'secret-header');
  if (secretHeaders.length > 0) out.secretHeaders = secretHeaders;
  const proxy = optString(args, 'proxy');
  if (proxy === 'environment') out.proxy = { mode: 'environment' };
  else if (proxy === 'none') out.proxy = { mode: 'none' };
  else if (proxy !== undefined) {
    const user = optString(args, 'proxy-user');
    out.proxy = { mode: 'url', url: core('proxy', () => validateProxyUrl(proxy)), ...(user ? { username: user } : {}) };
  }
  const tls: TlsSettings = {};
  for (const [flag, key] of [['ca-file', 'caFile'], ['client-cert', 'clientCertFile'], ['client-key', 'clientKeyFile']] as const) {
    const path = optString(args, flag);
    if (path !== undefined) tls[key] = resolvePath(path);
  }
  if ((tls.clientCertFile === undefined) !== (tls.clientKeyFile === undefined)) throw usage('--client-cert and --client-key go together (the certificate and its private key).', tls.clientCertFile ? 'client-key' : 'client-cert');
  if (Object.keys(tls).length > 0) out.tls = tls;
  return out;
}

/** The secrets a profile with these settings needs, as `profiles set-secret` kinds. */
export function secretsNeeded(settings: ConnectionSettings): SecretKind[] {
  const scheme = settings.auth?.scheme ?? 'bearer';
  const kinds: SecretKind[] = [];
  if (scheme === 'bearer') kinds.push('token');
  if (scheme === 'basic') kinds.push('password');
  if (scheme === 'oauth2') kinds.push('client-secret');
  for (const name of settings.secretHeaders ?? []) kinds.push(headerSecret(name));
  if (settings.proxy?.mode === 'url' && settings.proxy.username) kinds.push('proxy-password');
  return kinds;
}

/** Secret sources for connectionParts: the flags' env variables, then `fallback` (a profile's keychain). */
export function sourcesFrom(flags: Map<SecretKind, () => string>, fallback: SecretSources | null): SecretSources {
  const missing = (kind: SecretKind): (() => never) => () => {
    throw new InspectorError('token-missing', `No ${kind} was given for this connection.`);
  };
  return {
    required: (kind) => flags.get(kind) ?? fallback?.required(kind) ?? missing(kind),
    optional: (kind) => {
      const flag = flags.get(kind);
      if (flag) return async () => flag();
      return fallback?.optional(kind) ?? (async () => null);
    },
  };
}
