// Checks --filter syntax before anything is sent, so a typo fails fast with exit 2 and the
// character position of the error (RFC 7644 §3.4.2.2 grammar, via scim2-parse-filter's parser).

import { parseFilter, tokenizer, Tokens, type Token } from 'scim2-parse-filter/lib/src/parser.js';
import { InspectorError } from '../../../shared/errors';

/** Character offset of each token, found by walking the filter in token order. */
function tokenOffsets(filter: string, tokens: readonly Token[]): number[] {
  const offsets: number[] = [];
  let from = 0;
  for (const token of tokens) {
    if (token.type === 'EOT') {
      offsets.push(filter.length);
      continue;
    }
    const at = filter.indexOf(token.literal, from);
    const pos = at === -1 ? from : at;
    offsets.push(pos);
    from = pos + (at === -1 ? 0 : token.literal.length);
  }
  return offsets;
}

function fail(filter: string, position: number, reason: string): never {
  const pointer = `${filter}\n${' '.repeat(position)}^`;
  throw new InspectorError(
    'invalid-filter',
    `The filter is not valid SCIM syntax at character ${position + 1}: ${reason}. Check quotes, operators (eq, ne, co, sw, ew, gt, ge, lt, le, pr) and parentheses.\n${pointer}`,
    { filter, position },
  );
}

export function checkFilterSyntax(filter: string): void {
  if (filter.trim() === '') fail(filter, 0, 'the filter is empty');
  let tokens: Token[];
  try {
    tokens = tokenizer(filter);
  } catch (error) {
    const rest = error instanceof Error ? error.message.replace(/^unexpected token /, '') : '';
    fail(filter, Math.max(0, filter.length - rest.length), 'unexpected character');
  }
  const list = new Tokens(tokens);
  const offsets = tokenOffsets(filter, tokens);
  try {
    parseFilter(list);
  } catch {
    // The parser has consumed the offending token when it throws.
    const index = Math.max(0, list.i - 1);
    const token = tokens[index];
    fail(filter, offsets[index] ?? filter.length, token && token.type !== 'EOT' ? `unexpected "${token.literal}"` : 'the filter ends too early');
  }
  const rest = list.peek();
  if (rest.type !== 'EOT') fail(filter, offsets[list.i] ?? filter.length, `unexpected "${rest.literal}" after a complete expression`);
}
