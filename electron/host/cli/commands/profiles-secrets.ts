// `profiles set-secret NAME KIND`: a profile's other secrets — the Basic password, the OAuth
// client secret, an API-key header's value, the proxy password, the client key passphrase — into
// the OS keychain, bound to the host they are sent to. Read from stdin or a hidden prompt, never
// from argv. Also the human lines `profiles test` prints about how it connected.

import { InspectorError } from '../../../../shared/errors';
import type { ConnectionDetails } from '../../../../shared/channels/profiles';
import { createProfileStore, isSecretKind, secretLabel, storeSecret, userDataDir, type SecretKind } from '../../../core/profiles';
import { createKeytarVault } from '../../../core/vault';
import type { Command } from '../command';
import { readToken } from '../secret-input';

const KINDS = 'password | client-secret | header:NAME | proxy-password | key-passphrase';

function kindOperand(raw: string | undefined): SecretKind {
  const value = (raw ?? '').trim();
  const kind = value.startsWith('header:') ? `header:${value.slice('header:'.length).toLowerCase()}` : value;
  if (!isSecretKind(kind)) throw new InspectorError('usage', `Which secret? One of ${KINDS} (the bearer token goes with \`profiles set-token\`); got "${value.slice(0, 40)}".`);
  return kind;
}

export const profilesSetSecret: Command = {
  words: ['profiles', 'set-secret'],
  operands: `NAME ${KINDS}`,
  minOperands: 2,
  maxOperands: 2,
  summary: "store one of the profile's secrets in the OS keychain (read from stdin or a hidden prompt)",
  options: {},
  connects: false,
  run: async (ctx) => {
    const kind = kindOperand(ctx.operands[1]);
    const store = createProfileStore({ dir: userDataDir(ctx.env) });
    for (const notice of store.notices) ctx.out.warn(notice);
    const profile = store.getByName(ctx.operands[0] ?? '');
    const label = secretLabel(kind);
    const raw = await readToken(profile.name, { stdin: process.stdin, stderr: process.stderr }, label.charAt(0).toUpperCase() + label.slice(1));
    const stored = await storeSecret(store, createKeytarVault(), profile.id, kind, raw);
    for (const n of stored.notices) ctx.out.warn(n);
    ctx.out.result({ profile: profile.name, secret: kind, setAt: stored.setAt }, () => `Stored the ${label} of "${profile.name}" in the OS keychain.\n`);
    return 0;
  },
};

/** How a test connection went out: scheme, proxy, CAs, client certificate, OAuth token. */
export function connectionLines(details: ConnectionDetails | null): string[] {
  if (details === null) return [];
  const { auth, network } = details;
  const lines = [`  ${'Auth'.padEnd(14)}${auth.scheme}${auth.username ? ` (user ${auth.username})` : ''}${auth.headerNames?.length ? ` + headers ${auth.headerNames.join(', ')}` : ''}`];
  if (auth.oauth) {
    const o = auth.oauth;
    lines.push(`  ${'Token'.padEnd(14)}${o.lifetimeSeconds !== null ? `lives ${o.lifetimeSeconds} s` : 'no expires_in'}${o.grantedScope ? `, scopes ${o.grantedScope}` : ''} (from ${o.tokenUrl}, ${o.tokensIssued} issued)`);
  }
  lines.push(`  ${'Proxy'.padEnd(14)}${network.proxyUsed ?? (network.proxyMode === 'environment' ? 'none (no proxy in the environment applies)' : 'none')}`);
  lines.push(`  ${'CAs'.padEnd(14)}${network.addedCas.length > 0 ? `system + ${network.addedCas.map((c) => c.subject).join(', ')}` : 'system'}`);
  if (network.clientCertificate) lines.push(`  ${'Client cert'.padEnd(14)}${network.clientCertificate.subject} (issued by ${network.clientCertificate.issuer})`);
  return lines;
}
