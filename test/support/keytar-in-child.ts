// keytar, with each call made by the real binding in a child process (keytar-child.mjs), against
// the same Secret Service. Only for mutation testing: StrykerJS runs the tests in worker threads,
// and keytar's native binding (libsecret/GLib) crashes or hangs once a second thread of one
// process loads it. vitest.mutation.config.ts aliases 'keytar' to this module; the vault code
// under test is unchanged and still talks to a real keychain.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Reply = { id: number; value?: unknown; error?: string };
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let child: ChildProcess | null = null;
let next = 0;

function started(): ChildProcess {
  if (child?.connected) return child;
  const proc = fork(fileURLToPath(new URL('./keytar-child.mjs', import.meta.url)), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  proc.on('message', (reply: Reply) => {
    const call = pending.get(reply.id);
    if (!call) return;
    pending.delete(reply.id);
    if (reply.error !== undefined) call.reject(new Error(reply.error));
    else call.resolve(reply.value);
    if (pending.size === 0) proc.channel?.unref();
  });
  proc.on('exit', () => {
    if (child === proc) child = null;
    for (const [id, call] of pending) {
      pending.delete(id);
      call.reject(new Error('the keytar child process exited'));
    }
  });
  proc.unref();
  child = proc;
  return proc;
}

function call<T>(method: string, args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const id = (next += 1);
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    const proc = started();
    proc.channel?.ref();
    proc.send({ id, method, args });
  });
}

export const getPassword = (service: string, account: string): Promise<string | null> => call('getPassword', [service, account]);
export const setPassword = (service: string, account: string, password: string): Promise<void> => call('setPassword', [service, account, password]);
export const deletePassword = (service: string, account: string): Promise<boolean> => call('deletePassword', [service, account]);
export const findCredentials = (service: string): Promise<Array<{ account: string; password: string }>> => call('findCredentials', [service]);
export default { getPassword, setPassword, deletePassword, findCredentials };
