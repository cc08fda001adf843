// The editor's text fields <-> the profile channel's fields. Headers are one "Name: value" per
// line and protected users one per line, which is how admins paste them from a runbook. Main
// validates everything again; this only catches what the form itself can see.

import { PROFILE_VENDORS, type AuthFields, type ProfileFields, type ProfileSummary, type ProfileVendor, type ProxyFields } from '../../../shared/channels/profiles';

export type AuthScheme = AuthFields['scheme'];
export type ProxyMode = ProxyFields['mode'];

export interface ProfileForm {
  name: string;
  baseUrl: string;
  vendor: ProfileVendor;
  readOnly: boolean;
  production: boolean;
  headers: string;
  pageSize: string;
  concurrency: string;
  protectedUsers: string;
  scheme: AuthScheme;
  username: string;
  tokenUrl: string;
  clientId: string;
  scope: string;
  clientAuth: 'basic' | 'post';
  /** Names of headers whose values (API keys) go to the keychain, one per line. */
  secretHeaders: string;
  proxyMode: ProxyMode;
  proxyUrl: string;
  proxyUser: string;
}

export const EMPTY_FORM: ProfileForm = {
  name: '', baseUrl: '', vendor: 'generic', readOnly: false, production: false, headers: '', pageSize: '', concurrency: '', protectedUsers: '',
  scheme: 'bearer', username: '', tokenUrl: '', clientId: '', scope: '', clientAuth: 'basic', secretHeaders: '', proxyMode: 'environment', proxyUrl: '', proxyUser: '',
};

export function formFromSummary(p: ProfileSummary): ProfileForm {
  return {
    name: p.name,
    baseUrl: p.baseUrl,
    vendor: p.vendor,
    readOnly: p.readOnly,
    production: p.production,
    // Secret-looking values arrive as "[redacted]"; sent back unchanged, main keeps the stored value.
    headers: p.headers.map((h) => `${h.name}: ${h.value}`).join('\n'),
    pageSize: p.pageSize === null ? '' : String(p.pageSize),
    concurrency: p.concurrency === null ? '' : String(p.concurrency),
    protectedUsers: p.protectedUsers.join('\n'),
    scheme: p.auth.scheme,
    username: p.auth.scheme === 'basic' ? p.auth.username : '',
    tokenUrl: p.auth.scheme === 'oauth2' ? p.auth.tokenUrl : '',
    clientId: p.auth.scheme === 'oauth2' ? p.auth.clientId : '',
    scope: p.auth.scheme === 'oauth2' ? (p.auth.scope ?? '') : '',
    clientAuth: p.auth.scheme === 'oauth2' ? p.auth.clientAuth : 'basic',
    secretHeaders: p.secretHeaders.join('\n'),
    proxyMode: p.proxy.mode,
    proxyUrl: p.proxy.mode === 'url' ? p.proxy.url : '',
    proxyUser: p.proxy.mode === 'url' ? (p.proxy.username ?? '') : '',
  };
}

function authFields(form: ProfileForm): AuthFields {
  switch (form.scheme) {
    case 'basic':
      if (form.username.trim() === '') throw new Error('Basic authentication needs a user name.');
      return { scheme: 'basic', username: form.username.trim() };
    case 'oauth2':
      if (form.tokenUrl.trim() === '' || form.clientId.trim() === '') throw new Error('OAuth 2.0 needs the token URL and the client id.');
      return { scheme: 'oauth2', tokenUrl: form.tokenUrl.trim(), clientId: form.clientId.trim(), clientAuth: form.clientAuth, ...(form.scope.trim() ? { scope: form.scope.trim() } : {}) };
    default:
      return { scheme: form.scheme };
  }
}

function proxyFields(form: ProfileForm): ProxyFields {
  if (form.proxyMode !== 'url') return { mode: form.proxyMode };
  if (form.proxyUrl.trim() === '') throw new Error('Give the proxy URL, e.g. http://proxy.example.com:3128, or pick another proxy setting.');
  return { mode: 'url', url: form.proxyUrl.trim(), ...(form.proxyUser.trim() ? { username: form.proxyUser.trim() } : {}) };
}

function lines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== ''))];
}

function count(text: string, label: string, max: number): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${label} must be a whole number from 1 to ${max}, or empty for the default.`);
  return n;
}

/** The form as channel fields; throws an Error with a message for the form to show. */
export function fieldsFromForm(form: ProfileForm): ProfileFields & { name: string; baseUrl: string } {
  if (form.name.trim() === '') throw new Error('Give the profile a name, e.g. "prod-mindtickle".');
  if (form.baseUrl.trim() === '') throw new Error('Give the SCIM base URL, e.g. https://tenant.example.com/scim/v2.');
  if (!(PROFILE_VENDORS as readonly string[]).includes(form.vendor)) throw new Error('Pick a vendor hint.');
  const headers: Record<string, string> = {};
  form.headers.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`Header line ${i + 1} needs "Name: value".`);
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  });
  const protectedUsers = lines(form.protectedUsers);
  const secretHeaders = lines(form.secretHeaders);
  if (form.scheme === 'api-key' && secretHeaders.length === 0) throw new Error('The API-key scheme needs the name of the header that carries the key (e.g. X-API-Key).');
  return {
    name: form.name.trim(),
    baseUrl: form.baseUrl.trim(),
    vendor: form.vendor,
    readOnly: form.readOnly,
    production: form.production,
    headers,
    pageSize: count(form.pageSize, 'Page size', 10_000),
    concurrency: count(form.concurrency, 'Concurrency', 16),
    protectedUsers,
    auth: authFields(form),
    secretHeaders,
    proxy: proxyFields(form),
  };
}
