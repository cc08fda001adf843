// One connection's secrets (bearer token, Basic password and credential, OAuth client secret and
// every access token issued, API-key header values, proxy password, key passphrase) and the one
// way to take them out of anything that is shown, logged or exported. Never applied to data the
// core writes back to a tenant: a user whose title equals the token must keep that title.

import { InspectorError } from '../../../shared/errors';
import { alphabetOf, decodeAll, decodedNeedles, decodeWithMap, escapesCouldSpell, hasEscapes, plainForms, type Needle } from './forms';

export const REDACTED = '[redacted]';

/** What the boundaries (CLI output, IPC/HTTP answers, logs, exports) call. */
export interface Redactor {
  /** Whether the text holds any form of any secret. */
  test(text: string): boolean;
  /** The text with every form of every secret replaced by [redacted]. */
  text(text: string): string;
  /** A copy of a JSON-like value with every string (keys too) redacted; the value itself when clean. */
  value<T>(value: T): T;
  /** The error with its message, details and stack redacted (the same error when clean). */
  error(error: InspectorError): InspectorError;
  /** The plain forms searched for (raw secrets and base64 runs); for other redactors to merge. */
  forms(): readonly string[];
}

/** Finds the plain forms in text, literally and through escapes; returns merged [start, end) ranges. */
function findRanges(text: string, forms: readonly string[], needles: readonly Needle[], plusIsSpace: boolean): [number, number][] {
  const ranges: [number, number][] = [];
  for (const form of forms) {
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) ranges.push([at, at + form.length]);
  }
  if (hasEscapes(text) || (plusIsSpace && text.includes('+'))) {
    const decoded = decodeWithMap(text, plusIsSpace);
    const hay = decoded.text;
    if (hay !== text) {
      for (const { text: needle, before, after } of needles) {
        for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
          ranges.push(decoded.originalRange(Math.max(0, at - before), Math.min(hay.length, at + needle.length + after)));
        }
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Redaction over a changing list of plain forms (shared by SecretSet and RedactorGroup). */
abstract class FormRedactor implements Redactor {
  abstract forms(): readonly string[];
  private needlesFor: readonly string[] | null = null;
  private needles: Needle[] = [];
  private alphabet = alphabetOf([]);
  /** The shortest strings one of which any needle contains: each form's core, or the form. */
  private literal: string[] = [];

  /** What is searched for in decoded text (decodedNeedles), remembered per list of forms. */
  private throughEscapes(forms: readonly string[]): Needle[] {
    if (this.needlesFor !== forms) {
      this.needlesFor = forms;
      this.needles = decodedNeedles(forms);
      this.alphabet = alphabetOf(this.needles);
      const cores = new Set(this.needles.filter((n) => n.before > 0).map((n) => n.text));
      this.literal = [...cores, ...forms.filter((f) => !this.needles.some((n) => n.before > 0 && f.includes(n.text)))];
    }
    return this.needles;
  }

  private plus(forms: readonly string[]): boolean {
    return forms.some((f) => f.includes(' '));
  }

  test(text: string): boolean {
    const forms = this.forms();
    if (forms.length === 0 || text.length === 0) return false;
    const plus = this.plus(forms);
    if (!hasEscapes(text) && !(plus && text.includes('+'))) return forms.some((f) => text.includes(f));
    const needles = this.throughEscapes(forms);
    // Escapes that cannot spell any character of a secret (an ETag's \") need no decoding: a
    // needle in the decoded text is then in the text as it is. It may say yes where decoding would
    // not (a core without its ends); text() then searches for real and finds nothing to replace.
    if (!plus && !escapesCouldSpell(text, this.alphabet.codes, this.alphabet.nonAscii)) return this.literal.some((l) => text.includes(l));
    if (forms.some((f) => text.includes(f))) return true;
    const decoded = decodeAll(text, plus);
    return decoded !== text && needles.some((n) => decoded.includes(n.text));
  }

  text(text: string): string {
    if (!this.test(text)) return text;
    const forms = this.forms();
    const ranges = findRanges(text, forms, this.throughEscapes(forms), this.plus(forms));
    let out = '';
    let last = 0;
    for (const [start, end] of ranges) {
      out += `${text.slice(last, start)}${REDACTED}`;
      last = end;
    }
    return out + text.slice(last);
  }

  value<T>(value: T): T {
    if (this.forms().length === 0) return value;
    if (typeof value === 'string') return this.text(value) as T;
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof InspectorError) return this.error(value) as T;
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      // A cycle or a BigInt: walk it without the quick test.
      json = undefined;
    }
    if (json !== undefined && !this.test(json)) return value;
    return this.walk(value, new Map()) as T;
  }

  /** The error with its message and details redacted (the same error when clean). */
  error(error: InspectorError): InspectorError {
    const message = this.text(error.message);
    const details = error.details ? this.walk(error.details, new Map()) : undefined;
    if (message === error.message && details === error.details) return error;
    const clean = new InspectorError(error.code, message, details as Record<string, unknown> | undefined);
    clean.stack = this.text(error.stack ?? '');
    return clean;
  }

  /** `done` maps each object already walked to its result: shared references stay shared. */
  private walk(value: unknown, done: Map<object, unknown>): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    if (done.has(value)) return done.get(value);
    if (value instanceof InspectorError) {
      const clean = this.error(value);
      done.set(value, clean);
      return clean;
    }
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      done.set(value, out); // a cycle back to this array gets the copy
      let changed = false;
      for (const v of value) {
        const r = this.walk(v, done);
        if (r !== v) changed = true;
        out.push(r);
      }
      if (!changed) done.set(value, value);
      return changed ? out : value;
    }
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    done.set(value, out);
    let changed = false;
    for (const [key, v] of Object.entries(value)) {
      const k = this.text(key);
      const r = this.walk(v, done);
      if (k !== key || r !== v) changed = true;
      out[k] = r;
    }
    if (!changed) done.set(value, value);
    return changed ? out : value;
  }
}

/**
 * The secrets of one connection. Secrets are added as they become known (the keychain read at the
 * first request, each access token a token endpoint issues) and never removed: text logged
 * with an old token must stay clean after a refresh.
 */
export class SecretSet extends FormRedactor {
  private readonly secrets = new Set<string>();
  private plain: string[] = [];

  /** Adds a secret (and its derived forms); null, empty and too-short values are ignored. */
  add(secret: string | null | undefined): void {
    if (typeof secret !== 'string' || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    const next = new Set(this.plain);
    for (const form of plainForms(secret)) next.add(form);
    // Longest first, so a base64 run is replaced whole rather than around a shorter form.
    this.plain = [...next].sort((a, b) => b.length - a.length);
  }

  get size(): number {
    return this.secrets.size;
  }

  forms(): readonly string[] {
    return this.plain;
  }
}

/**
 * Several connections' redactors as one (a CLI run, an app window with several sessions): a
 * secret of any member is redacted everywhere, since text of one session can reach another's view.
 */
export class RedactorGroup extends FormRedactor {
  private readonly members = new Set<Redactor>();
  private cache: { lists: (readonly string[])[]; forms: string[] } | null = null;

  add(member: Redactor): () => void {
    this.members.add(member);
    return () => {
      this.members.delete(member);
    };
  }

  forms(): readonly string[] {
    const lists = [...this.members].map((m) => m.forms());
    // Recomputed only when a member's list changed (a SecretSet replaces its array on add).
    const cached = this.cache;
    if (cached && cached.lists.length === lists.length && cached.lists.every((l, i) => l === lists[i])) return cached.forms;
    const forms = [...new Set(lists.flat())].sort((a, b) => b.length - a.length);
    this.cache = { lists, forms };
    return forms;
  }
}

/** A redactor for a fixed list of secrets (a test, a one-off scrub). */
export function redactorFor(...secrets: (string | null | undefined)[]): SecretSet {
  const set = new SecretSet();
  for (const s of secrets) set.add(s);
  return set;
}
