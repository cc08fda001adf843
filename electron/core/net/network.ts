// How a connection reaches the network: directly or through a proxy (undici's ProxyAgent, chosen
// per URL by the profile, --proxy, or the environment as curl reads it), with the default CAs plus
// a private one, and a client certificate for mutual TLS. One undici dispatcher per route, created
// when the first request needs it (the keychain is asked for a proxy password or key passphrase
// only then). Every route says which proxy it uses, so the request log can say so too.

import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { InspectorError } from '../../../shared/errors';
import type { NetworkDetails } from '../../../shared/channels/profiles';
import type { SecretSet } from '../secrets/index';
import { proxyFromEnvironment } from './proxy-env';
import { loadTlsMaterial, type TlsFiles, type TlsMaterial } from './tls-files';

export type ProxySetting =
  | { mode: 'environment' }
  | { mode: 'none' }
  | { mode: 'url'; url: string; username?: string; password?: () => Promise<string> };

export interface NetworkOptions {
  /** Default: the environment (HTTPS_PROXY, NO_PROXY… as curl reads them). */
  proxy?: ProxySetting;
  tls?: TlsFiles & { passphrase?: () => Promise<string | null> };
  /** Default process.env (the environment proxy and NODE_EXTRA_CA_CERTS). */
  env?: NodeJS.ProcessEnv;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
}

export interface Route {
  dispatcher: Dispatcher;
  /** The proxy's origin (never its credentials), or null for a direct connection. */
  proxy: string | null;
}

/** What "Test connection" shows about the network. */
export type NetworkInfo = NetworkDetails;

export interface Network {
  route(url: URL): Promise<Route>;
  /** The client certificate presented (mutual TLS), once loaded; null without one. */
  clientTls(): { cert: string; key: string; passphrase?: string } | null;
  info(): NetworkInfo;
  close(): Promise<void>;
}

function tlsOptions(material: TlsMaterial): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (material.ca) out.ca = material.ca;
  if (material.cert) out.cert = material.cert;
  if (material.key) out.key = material.key;
  if (material.passphrase !== undefined) out.passphrase = material.passphrase;
  return out;
}

/** A proxy URL split into where it is and its credentials (which become Proxy-Authorization). */
function splitProxyUrl(raw: string): { origin: string; username: string | null; password: string | null } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InspectorError('invalid-url', 'The proxy URL from the environment is not a valid URL (e.g. http://proxy.example.com:3128). Check HTTPS_PROXY / http_proxy / ALL_PROXY.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InspectorError('invalid-url', `Proxies of type ${url.protocol}// are not supported; use an http:// or https:// proxy.`);
  return { origin: url.origin, username: url.username ? decodeURIComponent(url.username) : null, password: url.password ? decodeURIComponent(url.password) : null };
}

export function createNetwork(options: NetworkOptions, secrets: SecretSet): Network {
  const env = options.env ?? process.env;
  const proxy = options.proxy ?? { mode: 'environment' };
  const base = {
    connections: 16,
    keepAliveTimeout: 30_000,
    headersTimeout: options.headersTimeoutMs ?? 60_000,
    bodyTimeout: options.bodyTimeoutMs ?? 60_000,
  };
  const connectTimeout = options.connectTimeoutMs ?? 10_000;
  let material: TlsMaterial | null = null;
  let loading: Promise<TlsMaterial> | null = null;
  let direct: Promise<Agent> | null = null;
  const proxies = new Map<string, Promise<ProxyAgent>>();
  let lastProxy: string | null = null;

  function tls(): Promise<TlsMaterial> {
    loading ??= (async () => {
      const files = options.tls ?? {};
      const passphrase = files.clientKeyFile && files.passphrase ? await files.passphrase() : null;
      secrets.add(passphrase);
      material = loadTlsMaterial(files, passphrase, env);
      return material;
    })().catch((error: unknown) => {
      // A wrong file or passphrase is fixed and retried without reopening the connection.
      loading = null;
      throw error;
    });
    return loading;
  }

  async function proxyAgent(raw: string, username: string | null, password: string | null): Promise<ProxyAgent> {
    const { origin } = splitProxyUrl(raw);
    const key = `${origin} ${username ?? ''}`;
    let agent = proxies.get(key);
    if (!agent) {
      agent = (async () => {
        const material = await tls();
        const token = username !== null ? `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}` : undefined;
        if (username !== null) {
          secrets.add(`${username}:${password ?? ''}`);
          // As for Basic: base64 of the whole header would hold this base64'd again.
          secrets.add(Buffer.from(`${username}:${password ?? ''}`).toString('base64'));
        }
        secrets.add(password);
        // The proxy's own TLS (an https:// proxy) trusts the same CAs as the targets.
        return new ProxyAgent({ ...base, uri: origin, ...(token ? { token } : {}), requestTls: { timeout: connectTimeout, ...tlsOptions(material) }, proxyTls: { timeout: connectTimeout, ...(material.ca ? { ca: material.ca } : {}) } });
      })();
      proxies.set(key, agent);
    }
    return agent;
  }

  async function route(url: URL): Promise<Route> {
    let chosen: { raw: string; username: string | null; password: string | null } | null = null;
    if (proxy.mode === 'url') {
      const password = proxy.username && proxy.password ? await proxy.password() : null;
      chosen = { raw: proxy.url, username: proxy.username ?? null, password };
    } else if (proxy.mode === 'environment') {
      const raw = proxyFromEnvironment(url, env);
      if (raw !== null) {
        const parts = splitProxyUrl(raw);
        chosen = { raw, username: parts.username, password: parts.password };
      }
    }
    if (chosen) {
      const dispatcher = await proxyAgent(chosen.raw, chosen.username, chosen.password);
      lastProxy = splitProxyUrl(chosen.raw).origin;
      return { dispatcher, proxy: lastProxy };
    }
    // One promise, so requests racing on the first use share one agent.
    direct ??= tls().then((m) => new Agent({ ...base, connect: { timeout: connectTimeout, ...tlsOptions(m) } }));
    const dispatcher = await direct;
    lastProxy = null;
    return { dispatcher, proxy: null };
  }

  return {
    route,
    clientTls: () => (material?.cert && material.key ? { cert: material.cert, key: material.key, ...(material.passphrase !== undefined ? { passphrase: material.passphrase } : {}) } : null),
    info: () => ({ proxyMode: proxy.mode, proxyUsed: lastProxy, addedCas: material?.caCertificates ?? [], clientCertificate: material?.clientCertificate ?? null }),
    async close() {
      const all: Promise<unknown>[] = [];
      if (direct) all.push(direct.then((a) => a.close()).catch(() => undefined));
      for (const p of proxies.values()) all.push(p.then((a) => a.close()).catch(() => undefined));
      await Promise.all(all);
    },
  };
}
