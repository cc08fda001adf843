// SCIM filter parsing (RFC 7644 §3.4.2.2) with error positions. scim2-parse-filter's parser gives
// no positions and rewrites `emails[type eq "work"].value` into two unrelated clauses, so we parse
// here into ITS AST types (Filter, Compare, ...) and keep using its stringify for output.

import type { Compare, Filter, Suffix, ValuePath } from 'scim2-parse-filter';
import { InspectorError } from '../../../shared/errors';

export type { Filter } from 'scim2-parse-filter';
export type CompareOperator = Compare['op'];
export type FilterValue = Compare['compValue'];

export const COMPARE_OPERATORS: readonly CompareOperator[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le'];

type TokenKind = 'word' | 'string' | 'number' | 'open' | 'close' | 'lbracket' | 'rbracket' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  /** 0-based character offset in the filter text. */
  pos: number;
}

/** An attribute path: optional schema URN prefix, a name, at most one sub-attribute. */
const ATTR_PATH = /^(?:urn:[A-Za-z0-9:._-]+:)?[A-Za-z$][\w$-]*(?:\.[A-Za-z$][\w$-]*)?$/;
const SUB_ATTR = /^\.[A-Za-z$][\w$-]*$/;

export function isValidAttributePath(path: string): boolean {
  return ATTR_PATH.test(path);
}

function syntaxError(text: string, pos: number, what: string): InspectorError {
  const shown = text.length > 0 ? ` in: ${text}\n${' '.repeat(Math.min(pos, text.length) + 4)}^` : '';
  return new InspectorError(
    'invalid-filter',
    `Filter syntax error at position ${pos}: ${what}. Filters look like: userName eq "jane@example.com" and active eq true.${shown}`,
    { position: pos },
  );
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const simple: Record<string, TokenKind> = { '(': 'open', ')': 'close', '[': 'lbracket', ']': 'rbracket' };
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const kind = simple[ch];
    if (kind) {
      tokens.push({ kind, text: ch, pos: i });
      i += 1;
      continue;
    }
    if (ch === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/s.exec(text.slice(i));
      if (!m) throw syntaxError(text, i, 'this string has no closing double quote');
      tokens.push({ kind: 'string', text: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    const num = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w.])/.exec(text.slice(i));
    if (num) {
      tokens.push({ kind: 'number', text: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    const word = /^[.A-Za-z$_][\w.:$/-]*/.exec(text.slice(i));
    if (word) {
      tokens.push({ kind: 'word', text: word[0], pos: i });
      i += word[0].length;
      continue;
    }
    if (ch === "'") throw syntaxError(text, i, 'values need double quotes, not single quotes');
    throw syntaxError(text, i, `unexpected character ${JSON.stringify(ch)}`);
  }
  tokens.push({ kind: 'end', text: '', pos: text.length });
  return tokens;
}

/**
 * Parentheses and "not" nested deeper than this are refused: the parser and every walk of the
 * parsed filter recurse once a level, and no real filter comes close.
 */
export const MAX_FILTER_DEPTH = 50;

class Parser {
  private index = 0;
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token {
    return this.tokens[this.index] ?? { kind: 'end', text: '', pos: this.text.length };
  }
  private next(): Token {
    const t = this.peek();
    if (this.index < this.tokens.length) this.index += 1;
    return t;
  }
  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.kind === 'word' && t.text.toLowerCase() === word;
  }
  private fail(t: Token, what: string): InspectorError {
    return syntaxError(this.text, t.pos, what);
  }

  parseAll(): Filter {
    if (this.peek().kind === 'end') throw this.fail(this.peek(), 'the filter is empty');
    const f = this.parseOr(false);
    const t = this.peek();
    if (t.kind !== 'end') throw this.fail(t, `unexpected ${describe(t)} (expected "and", "or" or the end)`);
    return f;
  }

  private parseOr(inValuePath: boolean): Filter {
    const filters = [this.parseAnd(inValuePath)];
    while (this.isKeyword('or')) {
      this.next();
      filters.push(this.parseAnd(inValuePath));
    }
    return filters.length === 1 ? (filters[0] as Filter) : { op: 'or', filters };
  }

  private parseAnd(inValuePath: boolean): Filter {
    const filters = [this.parseUnary(inValuePath)];
    while (this.isKeyword('and')) {
      this.next();
      filters.push(this.parseUnary(inValuePath));
    }
    return filters.length === 1 ? (filters[0] as Filter) : { op: 'and', filters };
  }

  /** Runs `parse` one level deeper, refusing a filter nested past MAX_FILTER_DEPTH. */
  private nested<T>(at: Token, parse: () => T): T {
    if (this.depth >= MAX_FILTER_DEPTH) throw this.fail(at, `the filter nests more than ${MAX_FILTER_DEPTH} levels of parentheses or "not"; write it flatter`);
    this.depth += 1;
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  private parseUnary(inValuePath: boolean): Filter {
    const t = this.peek();
    if (this.isKeyword('not')) {
      this.next();
      return this.nested(t, () => ({ op: 'not', filter: this.parseUnary(inValuePath) }));
    }
    if (t.kind === 'open') {
      this.next();
      const inner = this.nested(t, () => this.parseOr(inValuePath));
      const close = this.next();
      if (close.kind !== 'close') throw this.fail(close, `expected ")" to close the "(" at position ${t.pos}, found ${describe(close)}`);
      return inner;
    }
    if (t.kind === 'word') return this.parseAttributeExpression(inValuePath);
    throw this.fail(t, `expected an attribute name, "not" or "(", found ${describe(t)}`);
  }

  private parseAttributeExpression(inValuePath: boolean): Filter {
    const attr = this.next();
    if (!ATTR_PATH.test(attr.text)) throw this.fail(attr, `${JSON.stringify(attr.text)} is not a valid attribute name`);
    const opToken = this.peek();
    if (opToken.kind === 'lbracket') {
      if (inValuePath) throw this.fail(opToken, 'value filters ("[...]") cannot be nested');
      this.next();
      const valFilter = this.parseOr(true);
      const close = this.next();
      if (close.kind !== 'rbracket') throw this.fail(close, `expected "]" to close the "[" at position ${opToken.pos}, found ${describe(close)}`);
      const sub = this.peek();
      // emails[type eq "work"].value co "x": the sub-attribute test applies to the SAME element.
      if (sub.kind === 'word' && sub.pos === close.pos + 1 && sub.text.startsWith('.')) {
        if (!SUB_ATTR.test(sub.text)) throw this.fail(sub, `${JSON.stringify(sub.text)} is not a valid sub-attribute`);
        this.next();
        const subTest = this.parseComparison(sub.text.slice(1));
        const path: ValuePath = { op: '[]', attrPath: attr.text, valFilter: { op: 'and', filters: [valFilter, subTest] } };
        return path;
      }
      return { op: '[]', attrPath: attr.text, valFilter };
    }
    return this.parseComparison(attr.text);
  }

  private parseComparison(attrPath: string): Compare | Suffix {
    const opToken = this.next();
    const op = opToken.kind === 'word' ? opToken.text.toLowerCase() : '';
    if (op === 'pr') return { op: 'pr', attrPath };
    if (!(COMPARE_OPERATORS as readonly string[]).includes(op)) {
      throw this.fail(opToken, `expected an operator (eq, ne, co, sw, ew, gt, lt, ge, le, pr) after ${JSON.stringify(attrPath)}, found ${describe(opToken)}`);
    }
    const valueToken = this.next();
    return { op: op as CompareOperator, attrPath, compValue: this.parseValue(valueToken, op) };
  }

  private parseValue(t: Token, op: string): FilterValue {
    if (t.kind === 'string') {
      try {
        return JSON.parse(t.text) as string;
      } catch {
        throw this.fail(t, 'this string has an invalid escape sequence');
      }
    }
    if (t.kind === 'number') return Number(t.text);
    if (t.kind === 'word') {
      const lower = t.text.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      if (lower === 'null') return null;
    }
    throw this.fail(t, `expected a value after "${op}" (strings need double quotes), found ${describe(t)}`);
  }
}

function describe(t: Token): string {
  return t.kind === 'end' ? 'the end of the filter' : JSON.stringify(t.text);
}

/** Parses a SCIM filter; throws InspectorError('invalid-filter') with details.position on bad syntax. */
export function parseFilter(text: string): Filter {
  if (typeof text !== 'string') throw new InspectorError('invalid-filter', 'The filter must be text.', { position: 0 });
  return new Parser(text, tokenize(text)).parseAll();
}
