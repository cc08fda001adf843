// The environment proxy as curl reads it (curl's "ENVIRONMENT" section): which variable applies
// to which scheme, upper versus lower case, and NO_PROXY names, domains, `*` and CIDR ranges.
import { describe, expect, it } from 'vitest';
import { bypassesProxy, proxyFromEnvironment } from '../../../electron/core/net/proxy-env';

const https = new URL('https://scim.acme.example/scim/v2');
const http = new URL('http://scim.acme.example/scim/v2');

describe('proxyFromEnvironment', () => {
  it.each<[string, NodeJS.ProcessEnv, URL, string | null]>([
    ['https_proxy for https', { https_proxy: 'http://p:3128' }, https, 'http://p:3128'],
    ['HTTPS_PROXY for https', { HTTPS_PROXY: 'http://p:3128' }, https, 'http://p:3128'],
    ['lower case wins', { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2' }, https, 'http://lower:1'],
    ['http_proxy is not used for https', { http_proxy: 'http://p:3128' }, https, null],
    ['http_proxy for http', { http_proxy: 'http://p:3128' }, http, 'http://p:3128'],
    ['HTTP_PROXY (upper case) is ignored, as curl does since httpoxy', { HTTP_PROXY: 'http://p:3128' }, http, null],
    ['ALL_PROXY for either', { ALL_PROXY: 'http://all:1' }, https, 'http://all:1'],
    ['a proxy without scheme is http://', { https_proxy: 'proxy.corp:8080' }, https, 'http://proxy.corp:8080'],
    ['NO_PROXY exempts the host', { https_proxy: 'http://p:1', NO_PROXY: 'scim.acme.example' }, https, null],
    ['no_proxy wins over NO_PROXY', { https_proxy: 'http://p:1', no_proxy: 'other.example', NO_PROXY: 'scim.acme.example' }, https, 'http://p:1'],
  ])('%s', (_what, env, url, expected) => {
    expect(proxyFromEnvironment(url, env)).toBe(expected);
  });
});

describe('bypassesProxy', () => {
  it.each<[string, string, boolean]>([
    ['scim.acme.example', 'acme.example', true],
    ['scim.acme.example', '.acme.example', true],
    ['scim.acme.example', '*.acme.example', true],
    ['scim.acme.example', 'me.example', false],
    ['acme.example', 'scim.acme.example', false],
    ['SCIM.Acme.Example', 'acme.example', true],
    ['anything.example', '*', true],
    ['10.1.2.3', '10.0.0.0/8', true],
    ['11.1.2.3', '10.0.0.0/8', false],
    ['127.0.0.1', ' example.com , 127.0.0.1 ', true],
    ['[::1]', '::1', true],
    ['[2001:db8::5]', '2001:db8::/32', true],
    ['scim.acme.example', '', false],
  ])('%s with NO_PROXY=%j → %s', (host, list, expected) => {
    expect(bypassesProxy(host, list)).toBe(expected);
  });
});
