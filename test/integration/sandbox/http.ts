// Small HTTP helpers for the sandbox tests: real requests to the started server, bodies parsed
// only when they are JSON so HTML and cut bodies can be asserted as they came.

import { SCHEMAS } from '../../../shared/scim';
import type { SandboxHandle } from '../../../electron/core/sandbox';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body (null when empty or not JSON). */
  json: Record<string, unknown> | null;
}

export async function call(sb: SandboxHandle, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const init: RequestInit = { method, headers: { Authorization: `Bearer ${sb.token}`, Accept: 'application/scim+json', ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/scim+json';
  }
  const res = await fetch(path.startsWith('http') ? path : `${sb.url}${path}`, init);
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = text === '' ? null : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const q = (filter: string): string => encodeURIComponent(filter);

export function patchBody(...ops: Array<Record<string, unknown>>): Record<string, unknown> {
  return { schemas: [SCHEMAS.patchOp], Operations: ops };
}

export function resources(a: Answer): Array<Record<string, unknown>> {
  const list = a.json?.Resources;
  if (!Array.isArray(list)) throw new Error(`no Resources in ${a.text.slice(0, 200)}`);
  return list as Array<Record<string, unknown>>;
}
