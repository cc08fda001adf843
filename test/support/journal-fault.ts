// Loaded into the real CLI with `--import` to stop it at an exact journal append, so crash tests
// kill it at a reproducible point instead of whenever a poll happens to notice a line count.
//
//   JOURNAL_FAULT="N:before"      stop before the N-th journal record of this process is written
//   JOURNAL_FAULT="N:after"       stop after the N-th record is written and fsync'ed
//   JOURNAL_FAULT="N:torn:B"      write only the first B bytes of the N-th record (fsync'ed), stop
//
// Stopping prints "JOURNAL-FAULT <pid>" on stderr and blocks the process's only thread, as a
// process frozen at that instant; the test then SIGKILLs the whole process group (or uses the
// frozen process as a live lock holder). Nothing in the product knows about this file.

import { fsyncSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { devNull } from 'node:os';

const RECORD_START = '{"v":1,';
const spec = process.env.JOURNAL_FAULT ?? '';
const [nText, mode, bytesText] = spec.split(':');
const target = Number(nText);

function freeze(): never {
  writeSync(2, `JOURNAL-FAULT ${process.pid}\n`);
  // Blocks this thread for good: no timer, socket or append runs again until the kill.
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

if (Number.isInteger(target) && target > 0 && (mode === 'before' || mode === 'after' || mode === 'torn')) {
  const probe = await open(devNull, 'r');
  const proto = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  const original = proto.appendFile;
  let count = 0;
  proto.appendFile = async function appendFile(this: FileHandle, data: Parameters<FileHandle['appendFile']>[0], options?: Parameters<FileHandle['appendFile']>[1]): Promise<void> {
    if (typeof data !== 'string' || !data.startsWith(RECORD_START)) return original.call(this, data, options);
    count += 1;
    if (count !== target) return original.call(this, data, options);
    if (mode === 'before') freeze();
    if (mode === 'torn') {
      const bytes = Buffer.from(data, 'utf8');
      writeSync(this.fd, bytes.subarray(0, Math.max(1, Math.min(Number(bytesText) || 1, bytes.length - 1))));
      fsyncSync(this.fd);
      freeze();
    }
    await original.call(this, data, options);
    fsyncSync(this.fd);
    freeze();
  };
}
