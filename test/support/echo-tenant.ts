// A SCIM tenant that leaks: a loopback server in front of the sandbox tenant that copies whatever
// credential a request carried back into its answer, the ways real servers do — in error details
// JSON-escaped as PHP and .NET write them ("Bearer Qk\/7x\u002BTok…"), in user attributes (decoded),
// URL-encoded in a link, and base64 in a header. Every answer's JSON is written with `/` as `\/`
// and `+` as `\u002B`. The redaction tests drive the product against it.

import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../electron/core/sandbox/index';
import { listenOnLoopback, type Listening } from './peers/http-server';

export interface EchoTenant {
  /** SCIM base URL (the sandbox's path on the echo server's origin). */
  url: string;
  origin: string;
  sandbox: SandboxHandle;
  /** Every credential header value the echo server received. */
  credentials: string[];
  close(): Promise<void>;
}

/** JSON as PHP's json_encode and .NET's encoder write it: "/" and "+" escaped. */
export function escapedJson(value: unknown): string {
  return JSON.stringify(value).replace(/\//g, '\\/').replace(/\+/g, '\\u002B');
}

/** The credential a request carried (Authorization, else the first API-key-like header). */
function credentialOf(headers: IncomingHttpHeaders): string {
  const auth = headers.authorization;
  if (typeof auth === 'string') return auth;
  for (const [name, value] of Object.entries(headers)) if (/key|token|secret/i.test(name) && typeof value === 'string') return value;
  return '';
}

function echoInto(resource: Record<string, unknown>, credential: string): void {
  const secret = credential.replace(/^\S+\s+/, '');
  resource.displayName = `${String(resource.displayName ?? '')} (seen ${credential})`;
  resource.nickName = secret;
  resource.profileUrl = `https://echo.example/profile?t=${encodeURIComponent(secret)}`;
}

function rewrite(body: unknown, status: number, credential: string): unknown {
  if (typeof body !== 'object' || body === null || credential === '') return body;
  const doc = body as Record<string, unknown>;
  if (status >= 400) return { ...doc, detail: `${String(doc.detail ?? 'error')} (request had Authorization: ${credential})` };
  if (Array.isArray(doc.Resources)) for (const r of doc.Resources as Record<string, unknown>[]) if (typeof r.userName === 'string') echoInto(r, credential);
  if (typeof doc.userName === 'string') echoInto(doc, credential);
  return doc;
}

/** One request passed on to `origin` as it came (headers, body), and its whole answer. */
export function forward(origin: string, method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, origin);
    const req = httpRequest(target, { method, headers: { ...headers, host: target.host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function startEchoTenant(options: SandboxOptions & { token: string }): Promise<EchoTenant> {
  const sandbox = await startSandbox({ port: 0, ...options });
  const credentials: string[] = [];
  let server: Listening | null = null;
  try {
    server = await listenOnLoopback((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const credential = credentialOf(req.headers);
        if (credential) credentials.push(credential);
        forward(sandbox.origin, req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks))
          .then((answer) => {
            let text = answer.body.toString('utf8');
            if (/json/.test(String(answer.headers['content-type'] ?? '')) && text.trim() !== '') {
              text = escapedJson(rewrite(JSON.parse(text) as unknown, answer.status, credential));
            }
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(answer.headers)) if (typeof v === 'string' && !/^(content-length|transfer-encoding|connection|keep-alive)$/i.test(k)) headers[k] = v;
            headers['x-echo'] = credential;
            headers['x-echo-b64'] = Buffer.from(credential).toString('base64');
            res.writeHead(answer.status, headers);
            res.end(text);
          })
          .catch(() => res.destroy());
      });
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const listening = server;
  const path = new URL(sandbox.url).pathname;
  return {
    url: `${listening.origin}${path}`,
    origin: listening.origin,
    sandbox,
    credentials,
    close: async () => {
      await listening.close();
      await sandbox.close();
    },
  };
}
