// Expert mode: hand-written Operations JSON checked against RFC 7644 §3.5.2 before it can be
// previewed or sent. Every problem is reported with the operation's index and what to write
// instead; op names are accepted in any case (Entra sends "Replace") and normalised to lower case.

import { InspectorError } from '../../../shared/errors';
import { SCHEMAS, type PatchOpName, type PatchOperation, type PatchRequest, type ResourceKind } from '../../../shared/scim';
import { isPlainObject } from './json';
import { parsePath, type ParsedPath } from './paths';

export interface ValidateOptions {
  /** When known, kind-specific rules apply (a user's `groups` is read-only). */
  kind?: ResourceKind;
}

const MAX_OPERATIONS = 1000;
const MAX_PROBLEMS_IN_MESSAGE = 5;
const OP_NAMES: readonly PatchOpName[] = ['add', 'remove', 'replace'];
const READ_ONLY = new Set(['id', 'meta', 'schemas']);

export function validateOperations(input: unknown, options: ValidateOptions = {}): PatchRequest {
  const problems: string[] = [];
  let rawOperations: unknown;
  if (Array.isArray(input)) {
    rawOperations = input;
  } else if (isPlainObject(input)) {
    for (const key of Object.keys(input)) {
      if (key !== 'schemas' && key !== 'Operations') problems.push(`the request has an unknown member "${key}"; a PatchOp body has only "schemas" and "Operations"`);
    }
    if (input.schemas !== undefined && !(Array.isArray(input.schemas) && input.schemas.includes(SCHEMAS.patchOp))) {
      problems.push(`"schemas" must be ["${SCHEMAS.patchOp}"] (or leave it out and it is added)`);
    }
    rawOperations = input.Operations;
    if (rawOperations === undefined) problems.push('"Operations" is missing; write {"Operations": [{"op": "replace", "path": "title", "value": "…"}]}');
  } else {
    fail(['expected a JSON object with "Operations" or an array of operations']);
  }
  const operations: PatchOperation[] = [];
  if (rawOperations !== undefined && !Array.isArray(rawOperations)) {
    problems.push('"Operations" must be an array of operations');
  } else if (Array.isArray(rawOperations)) {
    if (rawOperations.length === 0) problems.push('"Operations" is empty; add at least one operation');
    if (rawOperations.length > MAX_OPERATIONS) problems.push(`${rawOperations.length} operations is more than ${MAX_OPERATIONS}; split the change`);
    rawOperations.slice(0, MAX_OPERATIONS).forEach((raw, index) => {
      const checked = checkOperation(raw, options, (what) => problems.push(`operation ${index} (Operations[${index}]): ${what}`));
      if (checked) operations.push(checked);
    });
  }
  if (problems.length > 0) fail(problems);
  return { schemas: [SCHEMAS.patchOp], Operations: operations };
}

function fail(problems: string[]): never {
  const shown = problems.slice(0, MAX_PROBLEMS_IN_MESSAGE).join('; ');
  const more = problems.length > MAX_PROBLEMS_IN_MESSAGE ? ` (and ${problems.length - MAX_PROBLEMS_IN_MESSAGE} more)` : '';
  throw new InspectorError('invalid-input', `The PatchOp is not valid (RFC 7644 §3.5.2): ${shown}${more}. Fix it and preview again.`, { problems });
}

function checkOperation(raw: unknown, options: ValidateOptions, problem: (what: string) => void): PatchOperation | null {
  if (!isPlainObject(raw)) {
    problem('must be an object like {"op": "replace", "path": "title", "value": "…"}');
    return null;
  }
  const tally = countProblems(problem);
  for (const key of Object.keys(raw)) {
    if (key !== 'op' && key !== 'path' && key !== 'value') tally.report(`unknown member "${key}"; an operation has only "op", "path" and "value"`);
  }
  const op = typeof raw.op === 'string' ? (raw.op.toLowerCase() as PatchOpName) : undefined;
  if (op === undefined || !OP_NAMES.includes(op)) {
    tally.report(`"op" must be "add", "remove" or "replace" (any case), not ${shown(raw.op)}`);
    return null;
  }
  let parsed: ParsedPath | undefined;
  if (raw.path !== undefined) {
    if (typeof raw.path !== 'string') {
      tally.report('"path" must be a string such as "name.givenName"');
    } else {
      const result = parsePath(raw.path);
      if (typeof result === 'string') tally.report(`path "${raw.path}": ${result}`);
      else parsed = result;
    }
  }
  if (parsed) checkTarget(parsed, op, options, tally.report);
  const hasValue = raw.value !== undefined;
  if (op === 'remove') {
    if (raw.path === undefined) tally.report('"remove" needs a "path" saying what to remove, e.g. "title" or "members[value eq \\"ID\\"]"');
    // Not in the RFC, but widely sent (Entra): remove items of a multi-valued attribute by value.
    if (hasValue && !isRemovableItems(raw.value)) tally.report('a "remove" with a "value" must list the items to remove, e.g. [{"value": "ID"}]; or drop "value" and use a filter path');
  } else {
    if (!hasValue) tally.report(`"${op}" needs a "value"`);
    else if (raw.value === null) tally.report(`"${op}" with value null does not unassign anything; use {"op": "remove", "path": …} instead`);
    else if (!isJsonValue(raw.value)) tally.report('"value" must be plain JSON');
    else if (raw.path === undefined && (!isPlainObject(raw.value) || Object.keys(raw.value).length === 0)) {
      tally.report(`"${op}" without a "path" needs an object "value" of attributes, e.g. {"active": false}`);
    } else checkValueType(parsed, raw.path === undefined ? raw.value : undefined, raw.value, op, tally.report);
  }
  if (tally.count() > 0) return null;
  const operation: PatchOperation = { op };
  if (typeof raw.path === 'string') operation.path = raw.path;
  if (hasValue) operation.value = raw.value;
  return operation;
}

function checkTarget(path: ParsedPath, op: PatchOpName, options: ValidateOptions, report: (what: string) => void): void {
  const attribute = path.attribute.toLowerCase();
  if (path.schema === undefined && READ_ONLY.has(attribute)) report(`"${path.attribute}" is set by the server and cannot be changed`);
  if (path.schema === undefined && attribute === 'groups' && options.kind === 'Users') report('a user\'s "groups" is read-only; add or remove the user in the group\'s members instead');
  if (op === 'replace' && path.filter !== undefined && path.filterSubAttribute === undefined && attribute === 'members') {
    report('replacing members through a filter is not meaningful; use "remove" with members[value eq "ID"] and "add" with [{"value": "ID"}]');
  }
}

/** The value types the RFC's core schema fixes and admins most often get wrong. */
function checkValueType(path: ParsedPath | undefined, noPathValue: unknown, value: unknown, op: PatchOpName, report: (what: string) => void): void {
  const checks: [string, unknown][] = [];
  if (path && path.schema === undefined && path.subAttribute === undefined && path.filter === undefined) checks.push([path.attribute, value]);
  if (isPlainObject(noPathValue)) for (const [key, member] of Object.entries(noPathValue)) checks.push([key, member]);
  for (const [name, member] of checks) {
    const attribute = name.toLowerCase();
    if (attribute === 'active' && typeof member !== 'boolean') report(`"active" must be true or false (a JSON boolean), not ${shown(member)}`);
    if (attribute === 'members' && !isMemberList(member, op)) report('"members" must be an array of objects with a string "value", e.g. [{"value": "ID"}]');
    if ((attribute === 'emails' || attribute === 'phonenumbers') && !isItemList(member, op)) report(`"${name}" must be an array of objects like [{"value": "…", "type": "work"}]`);
    if (['username', 'displayname', 'title', 'externalid', 'nickname', 'usertype', 'locale', 'timezone'].includes(attribute) && typeof member !== 'string') {
      report(`"${name}" must be a string, not ${shown(member)}`);
    }
  }
}

function isItemList(value: unknown, op: PatchOpName): boolean {
  if (op === 'add' && isPlainObject(value)) return true;
  return Array.isArray(value) && value.every(isPlainObject);
}

function isMemberList(value: unknown, op: PatchOpName): boolean {
  const items = op === 'add' && isPlainObject(value) ? [value] : value;
  return Array.isArray(items) && items.every((item) => isPlainObject(item) && typeof item.value === 'string' && item.value !== '');
}

function isRemovableItems(value: unknown): boolean {
  const items = isPlainObject(value) ? [value] : value;
  return Array.isArray(items) && items.length > 0 && items.every((item) => isPlainObject(item) && Object.keys(item).length > 0);
}

function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (isPlainObject(value)) return Object.values(value).every((item) => isJsonValue(item, depth + 1));
  return false;
}

/** A value for an error message; never throws (input may hold BigInt, symbols, cycles). */
function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  if (isJsonValue(value)) {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  }
  return `a ${typeof value === 'object' && value !== null ? (value.constructor?.name ?? 'object') : typeof value} (not JSON)`;
}

function countProblems(problem: (what: string) => void): { report: (what: string) => void; count: () => number } {
  let count = 0;
  return {
    report: (what) => {
      count += 1;
      problem(what);
    },
    count: () => count,
  };
}
