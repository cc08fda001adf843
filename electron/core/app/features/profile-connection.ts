// The core functions behind shared/channels/profile-connection.ts: a profile's secrets besides the
// token (to the keychain, bound to where they are sent, never answered back) and its TLS files
// (main's open dialog in the desktop app; the page's uploaded PEM text in browser mode, kept as an
// owner-only copy in the data folder). Each change drops the profile's open session.

import type { PROFILE_CONNECTION_CHANNELS, SecretSetResult, TlsFileResult, TlsRole } from '../../../../shared/channels/profile-connection';
import type { ProfileSummary } from '../../../../shared/channels/profiles';
import { InspectorError } from '../../../../shared/errors';
import { forgetSecret, storeSecret, updateProfile, type SecretKind } from '../../profiles/index';
import { checkTlsFile, removeUploadedPem, storeUploadedPem, TLS_KEY } from '../../profiles/tls-store';
import type { AppContext } from '../context';
import type { FunctionsFor } from '../functions';
import { assertEditable, saved, summaryOf } from './profiles';

const DIALOG: Record<TlsRole, { title: string; description: string }> = {
  ca: { title: 'Private CA certificate (PEM)', description: 'PEM certificate' },
  clientCert: { title: 'Client certificate (PEM)', description: 'PEM certificate' },
  clientKey: { title: 'Client certificate key (PEM)', description: 'PEM private key' },
};

async function setSecret(ctx: AppContext, { profileId, kind, value }: { profileId: string; kind: SecretKind; value: string }): Promise<SecretSetResult> {
  assertEditable(profileId);
  const { store, vault } = saved(ctx);
  const { notices } = await storeSecret(store, vault, profileId, kind, value);
  await ctx.sessions.closeSession(profileId);
  return { profileId, kind: kind as SecretSetResult['kind'], notices };
}

async function clearSecret(ctx: AppContext, { profileId, kind }: { profileId: string; kind: SecretKind }): Promise<SecretSetResult> {
  assertEditable(profileId);
  const { store, vault } = saved(ctx);
  await forgetSecret(store, vault, store.get(profileId), kind);
  await ctx.sessions.closeSession(profileId);
  return { profileId, kind: kind as SecretSetResult['kind'], notices: [] };
}

/** Sets one TLS file of the profile (or clears it with undefined); the old uploaded copy goes. */
async function setTlsPath(ctx: AppContext, profileId: string, role: TlsRole, path: string | undefined): Promise<ProfileSummary> {
  const { store, vault } = saved(ctx);
  const current = store.get(profileId);
  const key = TLS_KEY[role];
  const previous = current.tls?.[key];
  const tls = { ...current.tls };
  if (path === undefined) delete tls[key];
  else tls[key] = path;
  // updateProfile also deletes a key passphrase once no key file needs it.
  const { profile } = await updateProfile(store, vault, profileId, { tls: Object.keys(tls).length > 0 ? tls : null });
  if (previous !== path) removeUploadedPem(ctx.dataDir, previous);
  await ctx.sessions.closeSession(profileId);
  return summaryOf(ctx, profile);
}

async function chooseTlsFile(ctx: AppContext, request: { profileId: string; role: TlsRole; pem?: string; fileName?: string }): Promise<TlsFileResult> {
  const { profileId, role } = request;
  assertEditable(profileId);
  saved(ctx).store.get(profileId);
  let path: string;
  if (request.pem !== undefined) {
    path = await storeUploadedPem(ctx.dataDir, profileId, role, request.pem, request.fileName);
  } else {
    if (!ctx.chooseOpenFile) throw new InspectorError('invalid-input', 'This window cannot show a file dialog: pick the PEM file in the page so its content is sent.');
    const chosen = await ctx.chooseOpenFile({ ...DIALOG[role], extensions: ['pem', 'crt', 'cer', 'key'] });
    if (chosen === null) return { chosen: false };
    checkTlsFile(role, chosen);
    path = chosen;
  }
  return { chosen: true, profile: await setTlsPath(ctx, profileId, role, path) };
}

async function clearTlsFile(ctx: AppContext, { profileId, role }: { profileId: string; role: TlsRole }): Promise<ProfileSummary> {
  assertEditable(profileId);
  return setTlsPath(ctx, profileId, role, undefined);
}

/** Header secrets are named case-insensitively (the summary lists them lower-cased). */
function secretKind(kind: string): SecretKind {
  return (kind.startsWith('header:') ? `header:${kind.slice('header:'.length).toLowerCase()}` : kind) as SecretKind;
}

export const profileConnectionFunctions: FunctionsFor<typeof PROFILE_CONNECTION_CHANNELS> = {
  'profiles.setSecret': (ctx, request) => setSecret(ctx, { ...request, kind: secretKind(request.kind) }),
  'profiles.clearSecret': (ctx, request) => clearSecret(ctx, { ...request, kind: secretKind(request.kind) }),
  'profiles.chooseTlsFile': chooseTlsFile,
  'profiles.clearTlsFile': clearTlsFile,
};
