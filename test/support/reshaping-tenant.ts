// A SCIM tenant whose answers are reshaped the ways real servers answer writes and reads: the
// sandbox tenant behind a loopback server that passes every request on and lets a test replace
// the answer (a 201 with only a Location, a 200 with `{}`, an empty 200 to a GET). The sandbox
// still applies each request, so what the client reads back afterwards is the tenant's real state.

import { forward } from './echo-tenant';
import { listenOnLoopback } from './peers/http-server';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../electron/core/sandbox/index';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Given the request (method, path after the origin) and the sandbox's answer: what to send instead, or null to pass it on. */
export type Reshape = (req: { method: string; path: string }, upstream: Answer) => Answer | null;

export interface ReshapingTenant {
  /** SCIM base URL (the sandbox's path on the reshaping server's origin). */
  url: string;
  sandbox: SandboxHandle;
  /** Replaces the answers from now on (null: pass every answer on as it is). */
  reshape(rule: Reshape | null): void;
  close(): Promise<void>;
}

export async function startReshapingTenant(options: SandboxOptions): Promise<ReshapingTenant> {
  const sandbox = await startSandbox({ port: 0, ...options });
  let rule: Reshape | null = null;
  const server = await listenOnLoopback((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      forward(sandbox.origin, method, path, req.headers, Buffer.concat(chunks))
        .then((got) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(got.headers)) if (typeof v === 'string' && !/^(content-length|transfer-encoding|connection|keep-alive)$/i.test(k)) headers[k] = v;
          const upstream: Answer = { status: got.status, headers, body: got.body.toString('utf8') };
          const answer = rule?.({ method, path }, upstream) ?? upstream;
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
        })
        .catch(() => res.destroy());
    });
  }).catch(async (error: unknown) => {
    await sandbox.close();
    throw error;
  });
  return {
    url: `${server.origin}${new URL(sandbox.url).pathname}`,
    sandbox,
    reshape: (next) => {
      rule = next;
    },
    close: async () => {
      await server.close();
      await sandbox.close();
    },
  };
}
