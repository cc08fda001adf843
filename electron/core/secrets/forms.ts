// The forms a secret can take in text a server or a file hands back: the raw string, its base64
// (on its own or inside a longer base64 blob, standard and URL-safe alphabets), and any of those
// written with escapes — JSON (`\/`, `\u002B`, `\"`), URL (`%2B`, `+` for a space) or HTML
// (`&#43;`, `&amp;`). Escapes are not enumerated per secret (a 1,000-character token has
// astronomically many escaped spellings): the text is decoded once and searched for the plain
// forms, and a match is mapped back onto the escaped characters that spelled it.

/** Raw secrets shorter than this are not searched for: they would blank out ordinary words. */
export const MIN_SECRET_LENGTH = 4;
/** Base64 runs shorter than this (a secret of five bytes or less) match too much by chance. */
const MIN_BASE64_CORE = 8;

/**
 * The plain forms of one secret: itself, and the base64 characters its bytes fix at each of the
 * three alignments a longer base64 text can put it at (so `Basic dXNlcjpwYXNz`, or the token
 * inside base64 of a larger JSON document, is found), in both alphabets.
 */
export function plainForms(secret: string): string[] {
  if (secret.length < MIN_SECRET_LENGTH) return [];
  const forms = new Set<string>([secret]);
  const bytes = Buffer.from(secret, 'utf8');
  // The secret encoded on its own, padding included (its last characters depend on nothing else).
  for (const alphabet of ['base64', 'base64url'] as const) forms.add(bytes.toString(alphabet));
  for (let align = 0; align < 3; align += 1) {
    // align unknown bytes before the secret and two after: characters touching them are dropped.
    const padded = Buffer.concat([Buffer.alloc(align), bytes, Buffer.alloc(2)]);
    const first = Math.ceil((8 * align) / 6);
    const last = Math.floor((8 * (align + bytes.length)) / 6);
    const core = padded.toString('base64').slice(first, last);
    if (core.length < MIN_BASE64_CORE) continue;
    forms.add(core);
    forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms];
}

const JSON_SHORT: Record<string, string> = { '/': '/', '"': '"', '\\': '\\', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const HTML_NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// One alternation per escape family; the groups tell decodeEscape which one matched.
const ESCAPE_SOURCE = String.raw`\\u([0-9A-Fa-f]{4})|\\([\/"\\bfnrt])|((?:%[0-9A-Fa-f]{2})+)|&#(?:[xX]([0-9A-Fa-f]{1,6})|([0-9]{1,7}));|&(amp|lt|gt|quot|apos);`;
const ESCAPES = new RegExp(ESCAPE_SOURCE, 'g');
// Form encoding writes a space as "+"; only searched for when a secret holds a space.
const ESCAPES_PLUS = new RegExp(`${ESCAPE_SOURCE}|(\\+)`, 'g');
const HAS_ESCAPE = /\\[u/"\\bfnrt]|%[0-9A-Fa-f]{2}|&#|&(?:amp|lt|gt|quot|apos);/;

function fromCodePoint(cp: number): string {
  return cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD';
}

function decodeEscape(match: string, json: string | undefined, short: string | undefined, pct: string | undefined, hex: string | undefined, dec: string | undefined, named: string | undefined, plus: string | undefined): string {
  if (json !== undefined) return String.fromCharCode(parseInt(json, 16));
  if (short !== undefined) return JSON_SHORT[short] ?? match;
  if (pct !== undefined) {
    const bytes = Buffer.from(pct.replace(/%/g, ''), 'hex');
    return bytes.toString('utf8');
  }
  if (hex !== undefined) return fromCodePoint(parseInt(hex, 16));
  if (dec !== undefined) return fromCodePoint(parseInt(dec, 10));
  if (named !== undefined) return HTML_NAMED[named] ?? match;
  if (plus !== undefined) return ' ';
  return match;
}

/** A string searched for in decoded text, and how far a match is widened on each side. */
export interface Needle {
  text: string;
  before: number;
  after: number;
}

/** Characters an escape can swallow from the start ("%" + "A0…" decodes as %A0) and the end. */
const SWALLOW_START = 4;
const SWALLOW_END = 2;

/**
 * What to search for in decoded text: each form whole, and its core without the characters text
 * around it can swallow into an escape (a preceding "%" takes two, a stray "\u" four); a match
 * of the core is widened by as much, so the whole occurrence goes (and at most a few characters
 * next to it).
 */
export function decodedNeedles(forms: readonly string[]): Needle[] {
  const out: Needle[] = forms.map((text) => ({ text, before: 0, after: 0 }));
  for (const f of forms) {
    if (f.length < SWALLOW_START + SWALLOW_END + MIN_SECRET_LENGTH) continue;
    out.push({ text: f.slice(SWALLOW_START, -SWALLOW_END), before: SWALLOW_START, after: SWALLOW_END });
  }
  return out;
}

/**
 * Whether some escape in `text` could decode to a character of `alphabet` (the characters of the
 * needles). Every position an escape could start at is looked at, overlapping or not, so this
 * errs towards yes. When it says no, every needle found in the decoded text lies in a run of
 * characters copied as they were, so it is found in `text` itself: no decoding is needed. (SCIM
 * resources all hold escapes — an ETag is W/\"1\" — that decode to characters no token holds.)
 */
export function escapesCouldSpell(text: string, alphabet: ReadonlySet<number>, nonAscii: boolean): boolean {
  const spells = (code: number): boolean => (code > 0x7f ? nonAscii : alphabet.has(code));
  for (let at = text.indexOf('\\'); at !== -1; at = text.indexOf('\\', at + 1)) {
    const next = text[at + 1];
    if (next === 'u') {
      const hex = text.slice(at + 2, at + 6);
      if (/^[0-9A-Fa-f]{4}$/.test(hex) && spells(parseInt(hex, 16))) return true;
    } else if (next !== undefined && next in JSON_SHORT && spells((JSON_SHORT[next] as string).charCodeAt(0))) {
      return true;
    }
  }
  for (let at = text.indexOf('%'); at !== -1; at = text.indexOf('%', at + 1)) {
    const hex = text.slice(at + 1, at + 3);
    if (/^[0-9A-Fa-f]{2}$/.test(hex) && spells(parseInt(hex, 16))) return true;
  }
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
    const entity = /^&(?:#[xX]([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/.exec(text.slice(at, at + 11));
    if (entity === null) continue;
    const code = entity[1] !== undefined ? parseInt(entity[1], 16) : entity[2] !== undefined ? parseInt(entity[2], 10) : (HTML_NAMED[entity[3] as string] as string).charCodeAt(0);
    if (spells(code)) return true;
  }
  return false;
}

/** The character codes of the needles, and whether any is outside ASCII (see escapesCouldSpell). */
export function alphabetOf(needles: readonly Needle[]): { codes: Set<number>; nonAscii: boolean } {
  const codes = new Set<number>();
  let nonAscii = false;
  for (const { text } of needles) {
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (code > 0x7f) nonAscii = true;
      else codes.add(code);
    }
  }
  return { codes, nonAscii };
}

export function hasEscapes(text: string): boolean {
  // Three native scans settle the common case (no escape character at all) before any regex runs.
  return (text.includes('\\') || text.includes('%') || text.includes('&')) && HAS_ESCAPE.test(text);
}

/** The text with every escape decoded (no position map: for a yes/no search). */
export function decodeAll(text: string, plusIsSpace: boolean): string {
  return text.replace(plusIsSpace ? ESCAPES_PLUS : ESCAPES, decodeEscape as (m: string, ...groups: string[]) => string);
}

/**
 * A run of the decoded text: literal characters copied from the original (escape: false), or
 * what one escape sequence decoded to (escape: true, spanning its whole original spelling).
 */
interface Segment {
  decodedStart: number;
  decodedEnd: number;
  originalStart: number;
  originalEnd: number;
  escape: boolean;
}

export interface DecodedText {
  text: string;
  /** Original [start, end) of the characters that spelled decoded [start, end). */
  originalRange(start: number, end: number): [number, number];
}

/** Decodes escapes and remembers where each decoded character came from. */
export function decodeWithMap(text: string, plusIsSpace: boolean): DecodedText {
  const pattern = new RegExp((plusIsSpace ? ESCAPES_PLUS : ESCAPES).source, 'g');
  const segments: Segment[] = [];
  const parts: string[] = [];
  let decodedLength = 0;
  let last = 0;
  const push = (piece: string, originalStart: number, originalEnd: number, escape: boolean): void => {
    if (piece.length === 0) return;
    segments.push({ decodedStart: decodedLength, decodedEnd: decodedLength + piece.length, originalStart, originalEnd, escape });
    parts.push(piece);
    decodedLength += piece.length;
  };
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    push(text.slice(last, m.index), last, m.index, false);
    const [whole, ...groups] = m;
    push(decodeEscape(whole, ...(groups as [string, string, string, string, string, string, string])), m.index, m.index + whole.length, true);
    last = m.index + whole.length;
  }
  push(text.slice(last), last, text.length, false);

  const segmentAt = (position: number): Segment => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segments[mid] as Segment).decodedStart <= position) lo = mid;
      else hi = mid - 1;
    }
    return segments[lo] as Segment;
  };
  return {
    text: parts.join(''),
    originalRange(start, end) {
      const a = segmentAt(start);
      const b = segmentAt(end - 1);
      const from = a.escape ? a.originalStart : a.originalStart + (start - a.decodedStart);
      const to = b.escape ? b.originalEnd : b.originalStart + (end - b.decodedStart);
      return [from, to];
    },
  };
}
