// The proxy for a URL from the environment, as curl reads it: `http_proxy` (lower case only — the
// upper-case form is ignored since httpoxy), `HTTPS_PROXY` / `https_proxy`, `ALL_PROXY` /
// `all_proxy` for either, and `NO_PROXY` / `no_proxy` (comma-separated host names matched as the
// host or a domain it is in, a leading dot allowed, `*` for all, IP addresses and CIDR ranges).
// A proxy given without a scheme is http://. Unlike undici's EnvHttpProxyAgent, an https URL never
// falls back to http_proxy, and the decision is made here so the request log can say it.

import { BlockList, isIP } from 'node:net';

function firstSet(env: NodeJS.ProcessEnv, names: readonly string[]): string | null {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return null;
}

/** The no_proxy list curl would use (lower case wins, as in curl). */
export function noProxyList(env: NodeJS.ProcessEnv): string {
  return firstSet(env, ['no_proxy', 'NO_PROXY']) ?? '';
}

function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/** Whether NO_PROXY exempts this host. */
export function bypassesProxy(hostname: string, noProxy: string): boolean {
  const host = bareHost(hostname);
  const ipVersion = isIP(host);
  for (const raw of noProxy.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
    if (cidr && ipVersion !== 0) {
      const [, network = '', bits = '0'] = cidr;
      const family = isIP(bareHost(network));
      if (family === ipVersion) {
        const list = new BlockList();
        list.addSubnet(bareHost(network), Number(bits), family === 6 ? 'ipv6' : 'ipv4');
        if (list.check(host, family === 6 ? 'ipv6' : 'ipv4')) return true;
      }
      continue;
    }
    const name = bareHost(entry.replace(/^\*?\./, ''));
    if (host === name) return true;
    if (ipVersion === 0 && host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** The proxy URL curl would use for `target` (null: connect directly). */
export function proxyFromEnvironment(target: URL, env: NodeJS.ProcessEnv): string | null {
  const proxy = target.protocol === 'https:' ? firstSet(env, ['https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY']) : firstSet(env, ['http_proxy', 'all_proxy', 'ALL_PROXY']);
  if (proxy === null) return null;
  if (bypassesProxy(target.hostname, noProxyList(env))) return null;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}
