// The real keytar in its own process, answering the calls of keytar-in-child.ts over IPC (see
// there why). Exits when its parent goes (the IPC channel closes), so it never lingers. It does not
// exit on its own when idle: a call sent while it was exiting was lost, and the test failed with
// "the keytar child process exited" (seen in a Stryker dry run under load).
import keytar from 'keytar';

const METHODS = new Set(['getPassword', 'setPassword', 'deletePassword', 'findCredentials']);

process.on('message', async ({ id, method, args }) => {
  try {
    if (!METHODS.has(method)) throw new Error(`keytar has no ${String(method)} here`);
    process.send({ id, value: await keytar[method](...args) });
  } catch (error) {
    process.send({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
process.on('disconnect', () => process.exit(0));
