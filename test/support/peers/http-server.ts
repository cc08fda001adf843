// Listening on 127.0.0.1 port 0 and closing for sure: shared by the peers so a failed start or a
// keep-alive socket never leaves a server behind when a test file ends.

import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

export async function listenOnLoopback(listener: RequestListener): Promise<Listening> {
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // fetch keeps connections alive; without this close() waits for their idle timeout.
      server.closeAllConnections();
    });
    return closing;
  };
  return { server, origin: `http://127.0.0.1:${port}`, close };
}
