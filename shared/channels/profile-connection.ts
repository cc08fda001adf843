// Channels for how a saved profile connects: its secrets other than the bearer token (write-only,
// like the token), and its TLS files. The renderer never names a path: in the desktop app main
// shows the open dialog and keeps the path the admin picked; in browser mode the page reads the
// PEM the admin picked in the browser's own file dialog and sends its text, which main checks and
// keeps as an owner-only file in the app's data folder. Answers carry file names and certificate
// subjects, never a secret. Implementations in electron/core/app/features/profile-connection.ts.

import { channel, type ChannelDef } from '../channel-def';
import { oneOf, optionalString, record, requiredString } from '../channel-guards';
import { InspectorError } from '../errors';
import type { ProfileSummary } from './profiles';

/** Secrets besides the bearer token; `header:<name>` is an API-key header's value. */
export type ProfileSecretKind = 'password' | 'client-secret' | 'proxy-password' | 'key-passphrase' | `header:${string}`;

export const TLS_ROLES = ['ca', 'clientCert', 'clientKey'] as const;
export type TlsRole = (typeof TLS_ROLES)[number];

/** Largest PEM accepted from the page (a CA bundle of a few hundred certificates). */
export const MAX_PEM_CHARS = 1024 * 1024;

export interface SecretSetResult {
  profileId: string;
  kind: ProfileSecretKind;
  notices: string[];
}

/** null: the admin cancelled the dialog. */
export type TlsFileResult = { chosen: true; profile: ProfileSummary } | { chosen: false };

const PROFILE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SECRET_KIND = /^(password|client-secret|proxy-password|key-passphrase|header:[!#$%&'*+.^_`|~0-9A-Za-z-]{1,80})$/;

function secretKind(value: unknown): ProfileSecretKind {
  return requiredString(value, 'kind', SECRET_KIND) as ProfileSecretKind;
}

function role(value: unknown): TlsRole {
  const r = oneOf(value, TLS_ROLES, 'role');
  if (r === undefined) throw new InspectorError('invalid-input', `The request field "role" must be one of ${TLS_ROLES.join(', ')}.`, { field: 'role' });
  return r;
}

export const PROFILE_CONNECTION_CHANNELS = {
  // The secret crosses once, renderer -> main, to the keychain; the answer holds none of it.
  'profiles.setSecret': channel<SecretSetResult>()((input) => {
    const r = record(input, 'profiles.setSecret');
    if (typeof r.value !== 'string' || r.value.length > 64 * 1024) throw new InspectorError('invalid-input', 'The secret must be text (at most 64 KB).');
    return { profileId: requiredString(r.profileId, 'profileId', PROFILE_ID), kind: secretKind(r.kind), value: r.value };
  }),
  'profiles.clearSecret': channel<SecretSetResult>()((input) => {
    const r = record(input, 'profiles.clearSecret');
    return { profileId: requiredString(r.profileId, 'profileId', PROFILE_ID), kind: secretKind(r.kind) };
  }),
  /**
   * A CA, client certificate or key file for the profile. Without `pem`: main's open dialog
   * (desktop app). With `pem`: the text of a file the page read (browser mode).
   */
  'profiles.chooseTlsFile': channel<TlsFileResult>()((input) => {
    const r = record(input, 'profiles.chooseTlsFile');
    if (r.pem !== undefined && r.pem !== null && typeof r.pem !== 'string') throw new InspectorError('invalid-input', 'The request field "pem" must be the text of a PEM file.', { field: 'pem' });
    if (typeof r.pem === 'string' && r.pem.length > MAX_PEM_CHARS) throw new InspectorError('invalid-input', 'The PEM file is larger than 1 MB; pick the certificate or key file itself.');
    const pem = typeof r.pem === 'string' && r.pem !== '' ? r.pem : undefined;
    const fileName = optionalString(r.fileName, 'fileName');
    return { profileId: requiredString(r.profileId, 'profileId', PROFILE_ID), role: role(r.role), ...(pem !== undefined ? { pem } : {}), ...(fileName !== undefined ? { fileName } : {}) };
  }),
  'profiles.clearTlsFile': channel<ProfileSummary>()((input) => {
    const r = record(input, 'profiles.clearTlsFile');
    return { profileId: requiredString(r.profileId, 'profileId', PROFILE_ID), role: role(r.role) };
  }),
} satisfies Record<string, ChannelDef<unknown, unknown>>;
