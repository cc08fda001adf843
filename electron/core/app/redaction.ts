// The renderer boundary of redaction. Everything the core answers or pushes to the renderer (IPC
// or the browser-mode API) has every secret of every open connection replaced by [redacted]:
// tenant data can echo a token, and the page's DOM is no place for it. But the renderer sends
// some of that data back to be written (an edit's loaded resource, a confirmed preview), and a
// user whose title happens to equal the token must not be rewritten to "[redacted]". So each
// object the redaction changed is remembered, and when the renderer hands back exactly that
// object it is swapped for the original; an edited copy has its untouched fields restored from
// the original it was made from (restoreUnchanged).

import { REDACTED, RedactorGroup, type Redactor } from '../secrets/index';

/** Objects handed out redacted that may come back; the oldest are forgotten first. */
const MAX_REMEMBERED = 5_000;

/** JSON with sorted keys, so an object that travelled through the renderer is recognised. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

export class RendererRedaction {
  /** Every open connection's secrets (sessions register theirs). */
  readonly secrets = new RedactorGroup();
  private readonly handedOut = new Map<string, unknown>();

  /** What may cross to the renderer. */
  outbound<T>(value: T): T {
    const out = this.secrets.value(value);
    if (out !== value) this.remember(value, out);
    return out;
  }

  /** What the renderer sent, with objects it got redacted swapped back for their originals. */
  inbound(input: unknown): unknown {
    if (this.handedOut.size === 0 || !isContainer(input)) return input;
    if (!JSON.stringify(input).includes(REDACTED)) return input;
    return this.restore(input);
  }

  private remember(original: unknown, redacted: unknown): void {
    if (!isContainer(original) || !isContainer(redacted) || original === redacted) return;
    this.handedOut.set(canonical(redacted), original);
    if (this.handedOut.size > MAX_REMEMBERED) {
      const oldest = this.handedOut.keys().next().value;
      if (oldest !== undefined) this.handedOut.delete(oldest);
    }
    // Unchanged subtrees keep their identity (Redactor.value), so only changed ones are walked.
    for (const [key, child] of Object.entries(original)) this.remember(child, (redacted as Record<string, unknown>)[key]);
  }

  private restore(value: unknown): unknown {
    if (!isContainer(value)) return value;
    const original = this.handedOut.get(canonical(value));
    if (original !== undefined) return structuredClone(original);
    if (Array.isArray(value)) return value.map((v) => this.restore(v));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = this.restore(v);
    return out;
  }
}

/**
 * `edited` (a copy the admin changed in a form) with each value the admin did not touch put back
 * from `original`: where edited holds exactly the redacted spelling of the original's value, the
 * admin saw "[redacted]" and left it, so the original value is meant.
 */
export function restoreUnchanged<T>(edited: T, original: unknown, redactor: Redactor): T {
  if (typeof edited === 'string') {
    return typeof original === 'string' && original !== edited && redactor.text(original) === edited ? (original as T) : edited;
  }
  if (!isContainer(edited) || !isContainer(original)) return edited;
  if (Array.isArray(edited)) {
    const from = Array.isArray(original) ? original : [];
    return edited.map((v, i) => restoreUnchanged(v, from[i], redactor)) as T;
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(edited)) out[key] = restoreUnchanged(v, (original as Record<string, unknown>)[key], redactor);
  return out as T;
}
