// Base URLs as admins paste them: with or without a trailing slash, /v2 or /scim/v2, sometimes a
// full endpoint like ".../scim/v2/Users". This file validates them (clear invalid-url errors) and
// lists the candidates discovery should probe, most likely first.

import { InspectorError } from '../../../shared/errors';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

const ENDPOINTS = /\/(Users|Groups|ServiceProviderConfigs?|ResourceTypes|Schemas|Me|Bulk|\.search)(\/.*)?$/i;

function invalid(message: string, input: string): InspectorError {
  // The input is echoed only when it holds no credentials (checked before this is called for those).
  return new InspectorError('invalid-url', message, { input });
}

/**
 * Validates a base URL and returns it normalised: scheme and host lower-case, no trailing slash,
 * no duplicate slashes, a pasted endpoint suffix (/Users, /ServiceProviderConfig ...) removed.
 */
export function normalizeBaseUrl(input: string): string {
  const raw = input.trim();
  if (raw === '') throw new InspectorError('invalid-url', 'The base URL is empty. Paste the SCIM base URL from the service admin console, e.g. https://example.com/scim/v2.');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    throw invalid(`"${raw}" has no scheme. Start the base URL with https:// (for example https://${raw.replace(/^\/+/, '')}).`, raw);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(`"${raw}" is not a valid URL. Check it for typos and spaces.`, raw);
  }
  if (url.username !== '' || url.password !== '') {
    // Never echo the input here: it contains a password or token.
    throw new InspectorError('invalid-url', 'The base URL contains a user name or password. Remove them from the URL and store the token in the profile instead.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`The base URL must start with https:// (got ${url.protocol}//).`, raw);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    // The bearer token goes with every request: never in clear text across a network.
    throw invalid(`Plain http:// is refused for ${url.hostname}: the bearer token would cross the network unencrypted. Use https:// (http is accepted only for localhost / 127.0.0.1).`, raw);
  }
  if (url.search !== '' || url.hash !== '') {
    throw invalid('The base URL must not contain a query (?...) or fragment (#...). Remove everything from the "?" or "#" on.', `${url.origin}${url.pathname}`);
  }
  let path = url.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  path = path.replace(ENDPOINTS, '');
  return `${url.protocol}//${url.host}${path}`;
}

/**
 * Bases to probe, in order: the URL as given, then with /scim/v2, /v2 or /scim appended when it
 * does not already end in a SCIM version segment, then its parent if it does (a /v2 typed by
 * habit onto a server that lives at /scim).
 */
export function candidateBaseUrls(input: string): string[] {
  const base = normalizeBaseUrl(input);
  const out = [base];
  const lower = base.toLowerCase();
  if (/\/v2$/.test(lower)) {
    out.push(base.slice(0, -3));
  } else if (/\/scim$/.test(lower)) {
    out.push(`${base}/v2`);
  } else {
    out.push(`${base}/scim/v2`, `${base}/v2`, `${base}/scim`);
  }
  return [...new Set(out.filter((b) => /^https?:\/\/[^/]+/.test(b)))];
}

/** Encodes query values with %20 for spaces: several SCIM servers do not read "+" in filters. */
export function encodeQuery(query: Record<string, string | number | undefined> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** base + "/Users/abc" + query. A path must be relative to the base (start with "/"). */
export function joinUrl(base: string, path: string, query?: Record<string, string | number | undefined>): string {
  if (!path.startsWith('/') || path.startsWith('//')) {
    throw new InspectorError('internal', `Request path "${path}" must start with a single "/" (it is relative to the base URL).`);
  }
  return `${base}${path}${encodeQuery(query)}`;
}
