// PatchOp path syntax (RFC 7644 §3.5.2, grammar in §3.10): parse, check and format.
//   PATH      = attrPath / valuePath [subAttr]
//   attrPath  = [URI ":"] ATTRNAME *1subAttr
//   valuePath = attrPath "[" valFilter "]"
// Value filters are checked with scim2-parse-filter, the parser the sandbox and scim-patch use, so
// a path we accept is one they can read.

import { parse as parseFilter } from 'scim2-parse-filter';

export interface ParsedPath {
  /** Schema URN prefix, e.g. the enterprise extension, when the path is URN-qualified. */
  schema?: string;
  attribute: string;
  /** `name.givenName` → givenName (no value filter). */
  subAttribute?: string;
  /** Text inside the brackets of `emails[type eq "work"]`. */
  filter?: string;
  /** `emails[type eq "work"].value` → value. */
  filterSubAttribute?: string;
}

const ATTRNAME = /^(?:[A-Za-z][A-Za-z0-9_-]*|\$ref)$/;
const URN = /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[^\s[\]"]+$/i;

/** Parses a path or returns a sentence saying what is wrong with it. */
export function parsePath(path: string): ParsedPath | string {
  if (path.trim() !== path || path === '') return 'a path must be a non-empty attribute path without surrounding spaces';
  const open = path.indexOf('[');
  let head = path;
  let filter: string | undefined;
  let filterSubAttribute: string | undefined;
  if (open >= 0) {
    const close = path.lastIndexOf(']');
    if (close < open) return `the "[" at position ${open + 1} is never closed with "]"`;
    head = path.slice(0, open);
    filter = path.slice(open + 1, close).trim();
    const tail = path.slice(close + 1);
    if (tail !== '') {
      if (!tail.startsWith('.') || !ATTRNAME.test(tail.slice(1))) {
        return `after "]" only a sub-attribute like ".value" may follow, not "${tail}"`;
      }
      filterSubAttribute = tail.slice(1);
    }
    if (filter === '') return 'the value filter inside "[]" is empty; write e.g. members[value eq "ID"]';
    const filterProblem = checkFilter(filter);
    if (filterProblem) return `the value filter "${filter}" is not valid SCIM filter syntax (${filterProblem})`;
  } else if (path.includes(']')) {
    return 'the path has a "]" without a "["';
  }
  let schema: string | undefined;
  let attrPart = head;
  if (/^urn:/i.test(head)) {
    const colon = head.lastIndexOf(':');
    schema = head.slice(0, colon);
    attrPart = head.slice(colon + 1);
    if (!URN.test(schema)) return `"${schema}" is not a schema URN`;
    if (attrPart === '') return `the path names the schema "${schema}" but no attribute after its last ":"`;
  }
  const parts = attrPart.split('.');
  if (parts.length > 2) return `"${attrPart}" goes deeper than attribute.subAttribute, which SCIM does not allow`;
  const [attribute = '', subAttribute] = parts;
  if (!ATTRNAME.test(attribute)) return `"${attribute}" is not an attribute name (letters, digits, "-" and "_", starting with a letter)`;
  if (subAttribute !== undefined && !ATTRNAME.test(subAttribute)) return `"${subAttribute}" is not a sub-attribute name`;
  if (subAttribute !== undefined && filter !== undefined) return 'a value filter applies to a multi-valued attribute, not to a sub-attribute; write attr[filter].sub';
  const parsed: ParsedPath = { attribute };
  if (schema !== undefined) parsed.schema = schema;
  if (subAttribute !== undefined) parsed.subAttribute = subAttribute;
  if (filter !== undefined) parsed.filter = filter;
  if (filterSubAttribute !== undefined) parsed.filterSubAttribute = filterSubAttribute;
  return parsed;
}

function checkFilter(filter: string): string | null {
  try {
    parseFilter(filter);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function formatPath(path: ParsedPath): string {
  let text = path.schema !== undefined ? `${path.schema}:${path.attribute}` : path.attribute;
  if (path.subAttribute !== undefined) text += `.${path.subAttribute}`;
  if (path.filter !== undefined) text += `[${path.filter}]`;
  if (path.filterSubAttribute !== undefined) text += `.${path.filterSubAttribute}`;
  return text;
}

/** `members[value eq "id"]`: selects the items of a multi-valued attribute with that value. */
export function valueFilterPath(attribute: string, value: string): string {
  return `${attribute}[value eq ${JSON.stringify(value)}]`;
}

/**
 * True when scim2-parse-filter (used by the preview's library and by the sandbox) reads the value
 * back from valueFilterPath. It does not unescape an escaped backslash (\\), so an id with a backslash fails here
 * even though the path is valid RFC syntax; the builder removes such members by value instead.
 */
export function valueFilterRoundTrips(value: string): boolean {
  try {
    const parsed = parseFilter(`value eq ${JSON.stringify(value)}`);
    return 'compValue' in parsed && parsed.compValue === value;
  } catch {
    return false;
  }
}

/**
 * The value of a path that is exactly `attr[value eq "x"]`, or null. The preview applies these
 * removals itself (see preview.ts), so it reads the quoted value as JSON.
 */
export function valueEqualityTarget(path: ParsedPath): string | null {
  if (path.filter === undefined || path.filterSubAttribute !== undefined) return null;
  const match = /^value\s+eq\s+("(?:[^"\\]|\\.)*")$/i.exec(path.filter);
  if (!match?.[1]) return null;
  try {
    const value: unknown = JSON.parse(match[1]);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
