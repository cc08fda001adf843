// `sandbox [--vendor V] [--users N] [--port P] [--auth basic|oauth2]`: serve the built-in tenant on
// 127.0.0.1 and print where it is and its demo credentials (not secrets: they only open this
// loopback tenant) — a bearer token, a Basic user and password, or an OAuth 2.0 client whose
// tokens the sandbox issues itself at /oauth/token, so each scheme can be tried without an account.

import { DEMO_BASIC, DEMO_CLIENT, type SandboxAuth } from '../../../core/sandbox/auth';
import { InspectorError } from '../../../../shared/errors';
import { optInt, optString } from '../args';
import type { Command } from '../command';
import { startSandbox } from '../core-bindings';
import { SANDBOX_VENDORS } from '../options';
import { untilAborted } from './wait';

export const sandboxCommand: Command = {
  words: ['sandbox'],
  operands: '',
  minOperands: 0,
  maxOperands: 0,
  summary: 'serve the sandbox tenant on 127.0.0.1 until Ctrl-C; prints {url, token}',
  options: {
    vendor: { kind: 'string', choices: SANDBOX_VENDORS, valueName: 'V', help: `vendor profile (${SANDBOX_VENDORS.join(', ')}; default rfc)` },
    users: { kind: 'integer', min: 0, max: 1_000_000, valueName: 'N', help: 'number of seeded users (default 2000)' },
    port: { kind: 'integer', min: 0, max: 65_535, valueName: 'P', help: 'port on 127.0.0.1 (default: a free one)' },
    auth: { kind: 'string', choices: ['bearer', 'basic', 'oauth2'], valueName: 'SCHEME', help: 'how SCIM calls authenticate: bearer (default), basic, or oauth2 (client credentials at /oauth/token)' },
    'token-ttl': { kind: 'integer', min: 1, max: 86_400, valueName: 'SECONDS', help: 'oauth2: lifetime of the access tokens it issues (default 3600)' },
  },
  connects: false,
  run: async (ctx) => {
    const vendor = optString(ctx.args, 'vendor') ?? 'rfc';
    const users = optInt(ctx.args, 'users');
    const port = optInt(ctx.args, 'port');
    const scheme = optString(ctx.args, 'auth') ?? 'bearer';
    if (scheme !== 'oauth2' && optInt(ctx.args, 'token-ttl') !== undefined) throw new InspectorError('usage', '--token-ttl goes with --auth oauth2 (the lifetime of the tokens the sandbox issues).', { option: 'token-ttl' });
    const auth: SandboxAuth =
      scheme === 'basic' ? { scheme, ...DEMO_BASIC } : scheme === 'oauth2' ? { scheme, ...DEMO_CLIENT, tokenTtlSeconds: optInt(ctx.args, 'token-ttl') ?? 3600, scopes: ['scim'] } : { scheme: 'bearer' };
    const sandbox = await startSandbox({ vendor, auth, ...(users !== undefined ? { users } : {}), ...(port !== undefined ? { port } : {}) });
    try {
      // Bearer keeps the documented { url, token }; the other schemes print the demo credentials
      // that open them instead (the static token is not accepted there).
      const doc: Record<string, string> =
        scheme === 'basic'
          ? { url: sandbox.url, auth: scheme, ...DEMO_BASIC }
          : scheme === 'oauth2'
            ? { url: sandbox.url, auth: scheme, tokenUrl: sandbox.tokenUrl, ...DEMO_CLIENT, scope: 'scim' }
            : { url: sandbox.url, token: sandbox.token };
      ctx.out.result(doc, () =>
        scheme === 'bearer'
          ? `Sandbox tenant (${vendor}) at ${sandbox.url}\nDemo token: ${sandbox.token}\n`
          : [`Sandbox tenant (${vendor}) at ${sandbox.url}`, ...Object.entries(doc).filter(([k]) => k !== 'url').map(([k, v]) => `${k}: ${v}`), ''].join('\n'),
      );
      ctx.out.info('Serving until Ctrl-C.');
      await untilAborted(ctx.signal);
    } finally {
      await sandbox.close();
    }
    return 0;
  },
};
