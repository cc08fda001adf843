// Raw HTTP for the web host tests: node:http so Host, Origin and Sec-Fetch-* can be forged the
// way a DNS-rebinding page or another site would send them (fetch refuses to set Host).
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function raw(origin: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  const url = new URL(path, origin);
  return new Promise((done, fail) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: options.method ?? 'GET', headers: options.headers ?? {}, timeout: 20_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', fail);
    req.end(options.body);
  });
}

/** The secret from the URL startWebHost returned (it lives in the fragment). */
export function secretOf(url: string): string {
  const secret = /#secret=([A-Za-z0-9_-]+)$/.exec(url)?.[1];
  if (!secret) throw new Error(`no secret in ${url}`);
  return secret;
}
