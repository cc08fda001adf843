// Base URL and header rules for profiles. A bearer token goes with every request, so the URL must
// be one we are willing to send it to: https, or plain http only on this machine (the sandbox).

import { InspectorError } from '../../../shared/errors';
import { normalizeBaseUrl } from '../scim/base-url';

/** Validates and canonicalises a SCIM base URL (the client's own rules); 'invalid-url' says what to change. */
export function validateBaseUrl(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new InspectorError('invalid-url', 'The base URL is missing; give the SCIM endpoint, e.g. https://tenant.example.com/scim/v2.');
  }
  return normalizeBaseUrl(raw);
}

const TCHAR = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers the transport owns, or that would smuggle credentials past the keychain. */
const FORBIDDEN_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'host', 'content-length', 'transfer-encoding', 'connection', 'content-type', 'accept']);

/** Validates extra headers; Authorization is refused with a pointer to the keychain. */
export function validateHeaders(raw: unknown): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InspectorError('invalid-input', 'Extra headers must be a map of header name to value.');
  }
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const lower = name.toLowerCase();
    if (!TCHAR.test(name)) throw new InspectorError('invalid-input', `"${name.slice(0, 80)}" is not a valid HTTP header name.`);
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      throw new InspectorError(
        'invalid-input',
        `The ${name} header cannot be stored in a profile; the token belongs in the OS keychain — use \`profiles set-token NAME\` (or the token field in the editor).`,
      );
    }
    if (FORBIDDEN_HEADERS.has(lower)) throw new InspectorError('invalid-input', `The ${name} header is set by the app itself and cannot be overridden in a profile.`);
    if (seen.has(lower)) throw new InspectorError('invalid-input', `The header ${name} is given twice.`);
    if (typeof value !== 'string' || /[\r\n\0]/.test(value) || value.length > 8192) {
      throw new InspectorError('invalid-input', `The value of header ${name} must be one line of text (at most 8 KB).`);
    }
    seen.add(lower);
    out[name] = value.trim();
  }
  return out;
}

/** Parses a CLI-style "Name: value" header. */
export function parseHeaderLine(line: string): [string, string] {
  const colon = line.indexOf(':');
  if (colon <= 0) throw new InspectorError('usage', '--header needs "Name: value" (a header name, a colon, then the value).');
  return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
}
