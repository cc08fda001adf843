// The real keytar in its own process, answering the calls of keytar-in-child.ts over IPC (see
// there why). Exits when its parent goes or after a second without calls, so it never lingers.
import keytar from 'keytar';

const METHODS = new Set(['getPassword', 'setPassword', 'deletePassword', 'findCredentials']);
let idle = setTimeout(() => process.exit(0), 1000);

process.on('message', async ({ id, method, args }) => {
  clearTimeout(idle);
  try {
    if (!METHODS.has(method)) throw new Error(`keytar has no ${String(method)} here`);
    process.send({ id, value: await keytar[method](...args) });
  } catch (error) {
    process.send({ id, error: error instanceof Error ? error.message : String(error) });
  }
  idle = setTimeout(() => process.exit(0), 1000);
});
process.on('disconnect', () => process.exit(0));
