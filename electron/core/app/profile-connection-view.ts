// What the profile screens show about how a profile connects: its scheme and non-secret fields,
// proxy, TLS files (by name and certificate, never path) and which of its secrets are in the
// keychain (yes/no only), plus the one-line reason a profile cannot connect yet.

import type { ProfileSummary, SecretState, ProfileTokenInfo } from '../../../shared/channels/profiles';
import { hasSecret, headerSecret, secretLabel, type Profile, type SecretKind } from '../profiles/index';
import { describeTlsFile, keyIsEncrypted } from '../profiles/tls-store';
import type { Vault } from '../vault/index';

export type ConnectionView = Pick<ProfileSummary, 'auth' | 'secretHeaders' | 'proxy' | 'tls' | 'secrets'>;

/** The secrets besides the bearer token that the profile's settings need. */
export function secretsNeeded(profile: Profile): SecretKind[] {
  const kinds: SecretKind[] = [];
  const scheme = profile.auth?.scheme ?? 'bearer';
  if (scheme === 'basic') kinds.push('password');
  if (scheme === 'oauth2') kinds.push('client-secret');
  for (const name of profile.secretHeaders ?? []) kinds.push(headerSecret(name));
  if (profile.proxy?.mode === 'url' && profile.proxy.username) kinds.push('proxy-password');
  if (profile.tls?.clientKeyFile && keyIsEncrypted(profile.tls.clientKeyFile)) kinds.push('key-passphrase');
  return kinds;
}

/** Which needed secrets are stored (asks the keychain; throws keychain-unavailable). */
export async function secretStates(profile: Profile, vault: Vault): Promise<SecretState[]> {
  const out: SecretState[] = [];
  for (const kind of secretsNeeded(profile)) out.push({ kind, label: secretLabel(kind), stored: await hasSecret(profile, vault, kind) });
  return out;
}

export function connectionView(profile: Profile, secrets: SecretState[]): ConnectionView {
  const tls = profile.tls ?? {};
  return {
    auth: profile.auth ?? { scheme: 'bearer' },
    secretHeaders: [...(profile.secretHeaders ?? [])],
    proxy: profile.proxy ?? { mode: 'environment' },
    tls: { ca: describeTlsFile('ca', tls.caFile), clientCert: describeTlsFile('clientCert', tls.clientCertFile), clientKey: describeTlsFile('clientKey', tls.clientKeyFile) },
    secrets,
  };
}

/** Why the profile cannot connect yet for want of a secret, or null. */
export function missingSecret(profile: Profile, token: ProfileTokenInfo | null, secrets: SecretState[]): string | null {
  // Half a client certificate first: it is what the admin is in the middle of setting up.
  const { clientCertFile, clientKeyFile } = profile.tls ?? {};
  if ((clientCertFile === undefined) !== (clientKeyFile === undefined)) return `The client certificate needs its ${clientCertFile ? 'key file' : 'certificate file'} too; choose it below.`;
  if ((profile.auth?.scheme ?? 'bearer') === 'bearer' && token && !token.hasToken) return 'No token in the OS keychain yet; paste one below.';
  const absent = secrets.find((s) => !s.stored);
  return absent ? `No ${absent.label} in the OS keychain yet; enter it below.` : null;
}
