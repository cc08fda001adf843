// One process contending for a journal lock (test/integration/journal/lock-race.test.ts): says
// READY, waits for "go" on stdin so that all contenders try at the same instant, tries once, says
// GOT or REFUSED <holder pid>, and holds what it got until its stdin closes.

import { createInterface } from 'node:readline';
import { lockJournal } from '../../electron/core/journal/lock';

const journal = process.argv[2] ?? '';
const lines = createInterface({ input: process.stdin });
process.stdout.write('READY\n');
let lock: Awaited<ReturnType<typeof lockJournal>> | null = null;
lines.on('line', (line) => {
  if (line !== 'go') return;
  lockJournal(journal).then(
    (got) => {
      lock = got;
      process.stdout.write(`GOT ${got.tookOver?.pid ?? ''}\n`);
    },
    (error: { code?: string; details?: { pid?: number } }) => process.stdout.write(`REFUSED ${error.code ?? ''} ${error.details?.pid ?? ''}\n`),
  );
});
lines.on('close', () => {
  void (lock?.release() ?? Promise.resolve()).then(() => process.exit(0));
});
