// A preview never predicts a change the vendor will not make: a PATCH operation it ignores (only
// `active` on Mindtickle and Lettermint users) or an attribute it does not store (Lettermint's and
// Mittr's title, department, manager). Those changes are taken out of the predicted "after" and
// listed apart as `ignored`, with the reason in the warnings; the request itself is left as built.

import type { EditFieldChange, EditPreview } from '../../../shared/edit';
import type { ScimResource } from '../../../shared/scim';
import { diffResources, SERVER_MANAGED_ATTRIBUTES } from '../patch';
import { vendorLimits } from '../profiles/vendor-limits';

/** The attribute a path changes: "title", "name", or "urn:…:User:manager" for an extension's. */
function attributeOf(path: string): string {
  const bracket = path.indexOf('[');
  const head = bracket === -1 ? path : path.slice(0, bracket);
  if (head.startsWith('urn:')) {
    const colon = head.lastIndexOf(':');
    const dot = head.indexOf('.', colon);
    return dot === -1 ? head : head.slice(0, dot);
  }
  const dot = head.indexOf('.');
  return dot === -1 ? head : head.slice(0, dot);
}

function read(resource: ScimResource, attribute: string): unknown {
  const colon = attribute.lastIndexOf(':');
  if (!attribute.startsWith('urn:')) return resource[attribute];
  const ext = resource[attribute.slice(0, colon)];
  return typeof ext === 'object' && ext !== null ? (ext as Record<string, unknown>)[attribute.slice(colon + 1)] : undefined;
}

function write(resource: Record<string, unknown>, attribute: string, value: unknown): void {
  if (!attribute.startsWith('urn:')) {
    if (value === undefined) delete resource[attribute];
    else resource[attribute] = structuredClone(value);
    return;
  }
  const colon = attribute.lastIndexOf(':');
  const urn = attribute.slice(0, colon);
  const ext = { ...((resource[urn] as Record<string, unknown> | undefined) ?? {}) };
  if (value === undefined) delete ext[attribute.slice(colon + 1)];
  else ext[attribute.slice(colon + 1)] = structuredClone(value);
  if (Object.keys(ext).length === 0) delete resource[urn];
  else resource[urn] = ext;
}

/** Attributes this vendor never changes, whatever the method (a PUT does not help). Users only:
 *  withoutIgnored asks for a group's only once ignoredAttributes found some, which it never does. */
function fixedAttributes(preview: EditPreview): Map<string, string> {
  return new Map(vendorLimits(preview.vendor).fixedUserAttributes.map((f) => [attributeOf(f.path), f.reason]));
}

/** The attributes this write will not change on this vendor, each with why. */
function ignoredAttributes(preview: EditPreview): Map<string, string> {
  const out = new Map<string, string>();
  if (preview.kind !== 'Users') return out;
  for (const w of preview.warnings) if (w.code === 'ignored-by-service' && w.path) out.set(attributeOf(w.path), w.message);
  for (const [attribute, reason] of fixedAttributes(preview)) out.set(attribute, reason);
  return out;
}

/** The preview with what the vendor will not change moved from `after`/`changes` to `ignored`. */
export function withoutIgnored(preview: EditPreview): EditPreview {
  const attributes = ignoredAttributes(preview);
  const ignored: EditFieldChange[] = preview.changes.filter((c) => attributes.has(attributeOf(c.path)));
  if (ignored.length === 0) return { ...preview, ignored: [] };
  const after = structuredClone(preview.after) as Record<string, unknown>;
  for (const attribute of new Set(ignored.map((c) => attributeOf(c.path)))) write(after, attribute, read(preview.before, attribute));
  const changes = diffResources(preview.before, after as ScimResource, { ignore: SERVER_MANAGED_ATTRIBUTES });
  const fixed = fixedAttributes(preview);
  // One warning per ignored change, first; an attribute the vendor never stores gets that reason,
  // not the builder's "use PUT" (a PUT would not help).
  const said = new Map(preview.warnings.filter((w) => w.code === 'ignored-by-service' && w.path).map((w) => [w.path, w]));
  const warnings = [
    ...ignored.map((c) => {
      const attribute = attributeOf(c.path);
      const builder = said.get(c.path);
      return builder && !fixed.has(attribute) ? builder : { code: 'ignored-by-service' as const, path: c.path, message: `${c.path}: ${attributes.get(attribute) ?? ''}` };
    }),
    ...preview.warnings.filter((w) => w.code !== 'ignored-by-service'),
  ];
  const needsReplace = preview.needsReplace && ignored.some((c) => !fixed.has(attributeOf(c.path)));
  return { ...preview, after: after as ScimResource, changes, changed: changes.map((c) => c.path), warnings, ignored, needsReplace };
}
