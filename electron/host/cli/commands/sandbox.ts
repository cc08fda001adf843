// `sandbox [--vendor V] [--users N] [--port P]`: serve the built-in tenant on 127.0.0.1 and print
// where it is and its demo token (not a secret: it only opens this loopback tenant).

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
  },
  connects: false,
  run: async (ctx) => {
    const vendor = optString(ctx.args, 'vendor') ?? 'rfc';
    const users = optInt(ctx.args, 'users');
    const port = optInt(ctx.args, 'port');
    const sandbox = await startSandbox({ vendor, ...(users !== undefined ? { users } : {}), ...(port !== undefined ? { port } : {}) });
    try {
      ctx.out.result({ url: sandbox.url, token: sandbox.token }, () => `Sandbox tenant (${vendor}) at ${sandbox.url}\nDemo token: ${sandbox.token}\n`);
      ctx.out.info('Serving until Ctrl-C.');
      await untilAborted(ctx.signal);
    } finally {
      await sandbox.close();
    }
    return 0;
  },
};
