// Calls to browser mode's API from a spec, the way the page makes them (same Origin, the launch
// secret in its header), to reach what the UI does not show: the sandbox tenant's address, or a
// request the page could forge.
import type { APIRequestContext } from '@playwright/test';

export interface HostCall<T> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string };
}

/** Origin and secret of a web host URL (http://127.0.0.1:PORT/#secret=…). */
export function hostOf(url: string): { origin: string; secret: string } {
  const parsed = new URL(url);
  const secret = /^#secret=([A-Za-z0-9_-]+)$/.exec(parsed.hash)?.[1];
  if (!secret) throw new Error(`no secret in ${url}`);
  return { origin: parsed.origin, secret };
}

export async function callHost<T>(request: APIRequestContext, url: string, channel: string, input: unknown = {}): Promise<HostCall<T>> {
  const { origin, secret } = hostOf(url);
  const res = await request.post(`${origin}/api/${channel}`, { headers: { Origin: origin, 'X-Inspector-Secret': secret }, data: input });
  if (res.status() !== 200) throw new Error(`${channel}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as HostCall<T>;
}

/** The value of a call that must succeed; a refusal fails the spec with the channel's message. */
export async function callHostValue<T>(request: APIRequestContext, url: string, channel: string, input: unknown = {}): Promise<T> {
  const r = await callHost<T>(request, url, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message ?? '?'}`);
  return r.value as T;
}
