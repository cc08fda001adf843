// Connection settings (auth scheme, API-key headers, proxy, TLS files) turned into what the
// transport takes: a RequestAuth and NetworkOptions. One function for both hosts: a saved profile
// reads its secrets from the keychain, the CLI from the environment variables its flags name.

import { oauth2ClientCredentials } from '../auth/oauth2';
import { basicAuth, bearerAuth, withHeaderSecrets, type SecretSource } from '../auth/static';
import type { RequestAuth } from '../auth/types';
import type { NetworkOptions } from '../net/network';
import type { ConnectionOptions } from '../scim/types';
import { headerSecret } from './secrets';
import type { AuthSettings, ProxySettings, SecretKind, TlsSettings } from './types';

export interface ConnectionSettings {
  auth?: AuthSettings;
  secretHeaders?: string[];
  proxy?: ProxySettings;
  tls?: TlsSettings;
}

/**
 * Where each secret comes from. `optional` kinds (a key passphrase) may have none: the source then
 * answers null rather than failing.
 */
export interface SecretSources {
  required(kind: SecretKind): SecretSource;
  optional(kind: SecretKind): () => Promise<string | null>;
}

/** The auth and network parts of ConnectionOptions for these settings. */
export function connectionParts(settings: ConnectionSettings, sources: SecretSources): Pick<ConnectionOptions, 'token' | 'auth' | 'network'> {
  const auth = settings.auth ?? { scheme: 'bearer' as const };
  const headers = (settings.secretHeaders ?? []).map((name) => ({ name, value: sources.required(headerSecret(name)) }));
  let primary: RequestAuth | null = null;
  if (auth.scheme === 'basic') primary = basicAuth(auth.username, sources.required('password'));
  if (auth.scheme === 'oauth2') {
    primary = oauth2ClientCredentials({ tokenUrl: auth.tokenUrl, clientId: auth.clientId, clientSecret: sources.required('client-secret'), scope: auth.scope ?? null, clientAuth: auth.clientAuth });
  }
  const out: Pick<ConnectionOptions, 'token' | 'auth' | 'network'> = { network: networkOptions(settings, sources) };
  if (auth.scheme === 'bearer') {
    out.token = sources.required('token');
    if (headers.length > 0) out.auth = withHeaderSecrets(headers, bearerAuth(out.token));
  } else {
    out.auth = withHeaderSecrets(headers, primary);
  }
  return out;
}

function networkOptions(settings: ConnectionSettings, sources: SecretSources): NonNullable<ConnectionOptions['network']> {
  const proxy = settings.proxy ?? { mode: 'environment' };
  const network: Omit<NetworkOptions, 'connectTimeoutMs' | 'headersTimeoutMs' | 'bodyTimeoutMs'> = {
    proxy:
      proxy.mode === 'url'
        ? { mode: 'url', url: proxy.url, ...(proxy.username ? { username: proxy.username, password: async () => String(await sources.required('proxy-password')()) } : {}) }
        : proxy,
  };
  const tls = settings.tls ?? {};
  if (tls.caFile || tls.clientCertFile || tls.clientKeyFile) {
    network.tls = { ...tls, ...(tls.clientKeyFile ? { passphrase: sources.optional('key-passphrase') } : {}) };
  }
  return network;
}
