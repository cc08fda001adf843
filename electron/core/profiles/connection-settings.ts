// Validators for how a profile connects (schema 3): the auth scheme and its non-secret fields, the
// headers whose values are keychain secrets, the proxy and the TLS files. Input is `unknown`
// until it passes here; messages name the field and what is allowed. Secrets themselves are never
// accepted in these fields.

import { isAbsolute } from 'node:path';
import { InspectorError } from '../../../shared/errors';
import { isLoopbackHost } from '../scim/base-url';
import { AUTH_SCHEMES, type AuthSettings, type ProxySettings, type SecretKind, type TlsSettings } from './types';
import { validateHeaders } from './url';

function bad(message: string): InspectorError {
  return new InspectorError('invalid-input', message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(raw: unknown, field: string, max = 1000): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw bad(`${field} is required.`);
  // eslint-disable-next-line no-control-regex
  if (raw.length > max || /[\u0000-\u001f\u007f]/.test(raw)) throw bad(`${field} must be one line of at most ${max} characters.`);
  return raw.trim();
}

/**
 * An https URL a secret may be sent to (plain http only on this machine), without credentials or
 * fragment. `what` names it in messages ("The token URL").
 */
export function validateSecretUrl(raw: unknown, what: string, allowQuery = true): string {
  const value = text(raw, what, 2000);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InspectorError('invalid-url', `${what} "${value.slice(0, 200)}" is not a valid URL; it starts with https://.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new InspectorError('invalid-url', `${what} contains a user name or password. Remove them from the URL: secrets go to the OS keychain (or an environment variable for the CLI).`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new InspectorError('invalid-url', `${what} must use https:// (plain http:// only for localhost / 127.0.0.1): a secret is sent there.`);
  }
  if (url.hash !== '' || (!allowQuery && url.search !== '')) throw new InspectorError('invalid-url', `${what} must not contain ${allowQuery ? 'a fragment (#...)' : 'a query or fragment'}.`);
  return url.href;
}

export function validateAuth(raw: unknown): AuthSettings | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) throw bad('auth must be an object with a "scheme".');
  const scheme = raw.scheme;
  if (typeof scheme !== 'string' || !(AUTH_SCHEMES as readonly string[]).includes(scheme)) throw bad(`auth.scheme must be one of ${AUTH_SCHEMES.join(', ')}.`);
  for (const key of ['token', 'password', 'clientSecret', 'secret']) {
    if (key in raw) throw bad(`A secret (${key}) is never part of a profile; it is stored in the OS keychain.`);
  }
  switch (scheme) {
    case 'basic': {
      const username = text(raw.username, 'The Basic user name', 256);
      // RFC 7617 §2: the user-id cannot contain a colon (it separates user and password).
      if (username.includes(':')) throw bad('The Basic user name cannot contain ":" (HTTP Basic separates user and password with it).');
      return { scheme, username };
    }
    case 'oauth2': {
      const tokenUrl = validateSecretUrl(raw.tokenUrl, 'The token URL');
      const clientId = text(raw.clientId, 'The OAuth client id', 512);
      const clientAuth = raw.clientAuth ?? 'basic';
      if (clientAuth !== 'basic' && clientAuth !== 'post') throw bad('auth.clientAuth must be "basic" (client_secret_basic) or "post" (client_secret_post).');
      const out: AuthSettings = { scheme, tokenUrl, clientId, clientAuth };
      if (raw.scope !== undefined && raw.scope !== null && raw.scope !== '') {
        const scope = text(raw.scope, 'The OAuth scope', 2000).replace(/\s+/g, ' ');
        // RFC 6749 §3.3: scope tokens are printable ASCII except space, quote and backslash.
        if (!/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/.test(scope)) throw bad('The OAuth scope is a space-separated list of scope names (printable characters, no quotes or backslashes).');
        out.scope = scope;
      }
      return out;
    }
    default:
      return { scheme: scheme as 'bearer' | 'api-key' };
  }
}

/** Names of headers whose values are keychain secrets (API keys). */
export function validateSecretHeaders(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw) || raw.length > 20) throw bad('secretHeaders must be a list of at most 20 header names.');
  const names: string[] = [];
  for (const name of raw) {
    if (typeof name !== 'string') throw bad('Each secret header is a header name, e.g. "X-API-Key".');
    // The header rules of plain headers apply (no Authorization, Host, …); the value is a stand-in.
    validateHeaders({ [name]: 'x' });
    if (names.some((n) => n.toLowerCase() === name.toLowerCase())) throw bad(`The secret header ${name} is given twice.`);
    names.push(name);
  }
  return names;
}

export function validateProxy(raw: unknown): ProxySettings | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) throw bad('proxy must be an object with a "mode".');
  if ('password' in raw) throw bad('A proxy password is never part of a profile; it is stored in the OS keychain.');
  if (raw.mode === 'environment' || raw.mode === 'none') return { mode: raw.mode };
  if (raw.mode !== 'url') throw bad('proxy.mode must be "environment" (HTTPS_PROXY, NO_PROXY…), "none" or "url".');
  const url = validateProxyUrl(raw.url);
  const out: ProxySettings = { mode: 'url', url };
  if (raw.username !== undefined && raw.username !== null && raw.username !== '') out.username = text(raw.username, 'The proxy user name', 256);
  return out;
}

/** An http(s) proxy URL without credentials (they go to the keychain or the environment). */
export function validateProxyUrl(raw: unknown): string {
  const value = text(raw, 'The proxy URL', 2000);
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    throw new InspectorError('invalid-url', `The proxy URL "${value.slice(0, 200)}" is not a valid URL, e.g. http://proxy.example.com:3128.`);
  }
  if (url.username !== '' || url.password !== '') throw new InspectorError('invalid-url', 'The proxy URL contains a user name or password. Give the user name separately; the password goes to the OS keychain (or --proxy-password-env for the CLI).');
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InspectorError('invalid-url', `The proxy URL must start with http:// or https:// (got ${url.protocol}//).`);
  return url.origin;
}

export function validateTls(raw: unknown): TlsSettings | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) throw bad('tls must be an object with caFile, clientCertFile and clientKeyFile paths.');
  const out: TlsSettings = {};
  for (const key of ['caFile', 'clientCertFile', 'clientKeyFile'] as const) {
    const value = raw[key];
    if (value === undefined || value === null || value === '') continue;
    const path = text(value, `tls.${key}`, 4096);
    if (!isAbsolute(path)) throw bad(`tls.${key} must be an absolute path to a PEM file.`);
    out[key] = path;
  }
  // One half of a client certificate is allowed here: the app picks the two files one at a time.
  // The connection refuses it (net/tls-files) and the profile's status names the missing file.
  return out;
}

const SECRET_KINDS = new Set(['token', 'password', 'client-secret', 'proxy-password', 'key-passphrase']);

export function isSecretKind(value: unknown): value is SecretKind {
  return typeof value === 'string' && (SECRET_KINDS.has(value) || /^header:[!#$%&'*+.^_`|~0-9a-z-]{1,80}$/.test(value));
}
