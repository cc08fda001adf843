// Entry point of `scim-inspector` (npm run cli, bin/scim-inspector.mjs). Wires the process to the
// host in run.ts: streams, environment, signals, exit code.

import { runCli } from './run';

const controller = new AbortController();
let interrupted = 0;
const onSignal = (signal: NodeJS.Signals): void => {
  interrupted += 1;
  // A second Ctrl-C means "now": do not wait for servers or requests to close.
  if (interrupted > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTty: process.stderr.isTTY === true,
  env: process.env,
  signal: controller.signal,
});
// A long-running command stopped by a signal has done what was asked: exit 0, not "cancelled".
const exitCode = interrupted > 0 && code === 0 ? 0 : code;
// Exit explicitly (after stdout drains) so a stray keep-alive socket cannot keep the CLI alive.
process.stdout.write('', () => process.exit(exitCode));
