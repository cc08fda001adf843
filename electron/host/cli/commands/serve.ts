// `serve [--port P] [--no-open] [--sandbox [VENDOR]]`: the desktop UI in a local browser, served
// by electron/host/web.ts on loopback. The per-launch secret travels in the URL's fragment.

import { optFlag, optInt, optString } from '../args';
import type { Command } from '../command';
import { startWebHost } from '../core-bindings';
import { CONNECTION_OPTIONS } from '../options';
import { untilAborted } from './wait';

export const serveCommand: Command = {
  words: ['serve'],
  operands: '',
  minOperands: 0,
  maxOperands: 0,
  summary: 'the app in your browser on 127.0.0.1 until Ctrl-C; prints {url}',
  options: {
    port: { kind: 'integer', min: 0, max: 65_535, valueName: 'P', help: 'port on 127.0.0.1 (default: a free one)' },
    'no-open': { kind: 'boolean', help: 'do not open a browser' },
    sandbox: CONNECTION_OPTIONS.sandbox ?? { kind: 'string', help: '' },
  },
  connects: false,
  run: async (ctx) => {
    const port = optInt(ctx.args, 'port');
    const sandboxVendor = optString(ctx.args, 'sandbox');
    const host = await startWebHost({
      open: !optFlag(ctx.args, 'no-open'),
      ...(port !== undefined ? { port } : {}),
      ...(sandboxVendor !== undefined ? { sandboxVendor } : {}),
    });
    try {
      ctx.out.result({ url: host.url }, () => `SCIM Inspector is at ${host.url}\n`);
      ctx.out.info('Serving until Ctrl-C.');
      await untilAborted(ctx.signal);
    } finally {
      await host.close();
    }
    return 0;
  },
};
