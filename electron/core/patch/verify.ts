// Post-write verification: after a PATCH or PUT, GET the resource and compare it with the preview.
// A difference on a path the write meant to change is the server ignoring or altering an operation
// (Lettermint's PATCH changes only `active`); a difference elsewhere is someone else's change or a
// value the server computes. Values only a server sets — meta, schemas, and the display/$ref of
// references — are not differences.

import { diffResources, SERVER_MANAGED_ATTRIBUTES, type FieldChange } from './diff';
import { isPlainObject, jsonEqual } from './json';
import type { ScimResource } from '../../../shared/scim';

export interface WriteVerification {
  /** True when the server holds exactly what the preview predicted. */
  ok: boolean;
  /** Paths the write meant to change that the server left as they were. */
  ignored: FieldChange[];
  /** Paths the write meant to change that the server set to something else. */
  altered: FieldChange[];
  /** Paths the write did not touch that differ anyway (a concurrent change, a computed value). */
  unexpected: FieldChange[];
  /** One sentence per finding, for the UI and the CLI's stderr. */
  warnings: string[];
}

/** Sub-attributes a service fills in itself for references (RFC 7643 §2.4, §8.7.1). */
const COMPUTED_SUB_ATTRIBUTES = new Set(['display', '$ref', 'displayname']);

/**
 * `method` is the write that was sent: after a PUT the server has had the full replace already,
 * so an ignored change is never answered with "use PUT".
 */
export function verifyWrite(before: ScimResource, expected: ScimResource, actual: ScimResource, method: 'PATCH' | 'PUT' = 'PATCH'): WriteVerification {
  const intended = new Map(diffResources(before, expected, { ignore: SERVER_MANAGED_ATTRIBUTES }).map((change) => [change.path, change]));
  const ignored: FieldChange[] = [];
  const altered: FieldChange[] = [];
  const unexpected: FieldChange[] = [];
  for (const difference of diffResources(expected, actual, { ignore: SERVER_MANAGED_ATTRIBUTES })) {
    if (onlyComputedDiffer(difference)) continue;
    const change: FieldChange = { path: difference.path, before: difference.before, after: difference.after };
    const meant = intended.get(difference.path);
    if (!meant) unexpected.push(change);
    else if (sameIgnoringComputed(meant.before, difference.after)) ignored.push(change);
    else altered.push(change);
  }
  const warnings = [
    ...ignored.map((c) =>
      method === 'PUT'
        ? `${c.path}: the server ignored this change even in a full replace (PUT), so it does not let it be changed over SCIM (still ${show(c.after)}); change it in the service's own console.`
        : `${c.path}: the server ignored this change (still ${show(c.after)}); if this service does not honour PATCH for it, use PUT (full replace).`,
    ),
    ...altered.map((c) => `${c.path}: the server stored ${show(c.after)} instead of ${show(c.before)}.`),
    ...unexpected.map((c) => `${c.path}: differs from the preview (${show(c.before)} → ${show(c.after)}) though the write did not touch it; someone else may have changed it.`),
  ];
  return { ok: warnings.length === 0, ignored, altered, unexpected, warnings };
}

/** A reference item or complex value that differs only in what the server computes. */
function onlyComputedDiffer(change: FieldChange): boolean {
  const last = change.path.slice(change.path.lastIndexOf('.') + 1).toLowerCase();
  if (COMPUTED_SUB_ATTRIBUTES.has(last) && change.path.includes('.')) return true;
  return change.before !== undefined && change.after !== undefined && sameIgnoringComputed(change.before, change.after);
}

function sameIgnoringComputed(a: unknown, b: unknown): boolean {
  if (!isPlainObject(a) || !isPlainObject(b)) return jsonEqual(a, b);
  const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([key]) => !COMPUTED_SUB_ATTRIBUTES.has(key.toLowerCase())));
  return jsonEqual(strip(a), strip(b));
}

function show(value: unknown): string {
  if (value === undefined) return 'unset';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
