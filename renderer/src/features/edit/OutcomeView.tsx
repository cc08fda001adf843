// What came of a sent edit: verified as previewed, partially applied (the service ignored part of
// the PATCH: offer PUT), or a conflict (the resource changed meanwhile: what changed, and the
// rebuilt preview to confirm again). A 409 is an error whose details name the other resource.

import type { SendOutcome } from '../../../../shared/edit';
import type { AppError } from '../../../../shared/errors';
import type { ResourceKind } from '../../../../shared/scim';
import { show, useIntoView } from './ui-common';

type Change = { path: string; before: unknown; after: unknown };

function Changes({ label, changes }: { label: string; changes: Change[] }) {
  if (changes.length === 0) return null;
  return (
    <table className="dense" aria-label={label}>
      <caption>{label}</caption>
      <tbody>
        {changes.map((c) => (
          <tr key={c.path}>
            <th scope="row">{c.path}</th>
            <td>{show(c.before)}</td>
            <td>{show(c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OutcomeView({ outcome, onPreviewPut }: { outcome: SendOutcome; onPreviewPut: () => void }) {
  // The outcome replaces the preview the admin just confirmed: keep it where they are looking.
  const ref = useIntoView<HTMLElement>(outcome);
  if (outcome.status === 'conflict') {
    return (
      <section ref={ref} className="outcome conflict" data-testid="outcome" aria-label="Conflict" role="status">
        <p className="warning">
          {outcome.responseStatus === 412 ? 'The server answered 412: ' : ''}the resource changed since it was loaded. Nothing was changed. Your edit was rebuilt on the current
          resource; check the new preview below and confirm again.
        </p>
        {outcome.conflicts.length > 0 && <p className="warning">Both you and someone else changed: {outcome.conflicts.join(', ')} — your value wins if you send.</p>}
        <Changes label="Changed meanwhile" changes={outcome.changedMeanwhile} />
      </section>
    );
  }
  const { verification } = outcome;
  return (
    <section ref={ref} className={`outcome ${outcome.status}`} data-testid="outcome" aria-label="Result" role="status">
      {outcome.status === 'applied' ? (
        <p className="ok" data-testid="verified">
          Applied ({outcome.responseStatus ?? '2xx'}) and verified: the server holds what the preview predicted.
        </p>
      ) : (
        <>
          <p className="warning" data-testid="partial">
            Partially applied ({outcome.responseStatus ?? '2xx'}): the service accepted the {outcome.preview.method} but ignored or altered part of it.
          </p>
          <Changes label="Ignored by the service" changes={outcome.ignored} />
          <Changes label="Altered by the service" changes={outcome.altered} />
          {outcome.offerPut && (
            <button type="button" onClick={onPreviewPut}>
              Use PUT (preview)
            </button>
          )}
        </>
      )}
      <Changes label="Not caused by this edit" changes={verification.unexpected} />
      {verification.warnings.map((w) => (
        <p key={w} className="warning">
          {w}
        </p>
      ))}
      <p className="muted">Journalled as change {outcome.changeId}.</p>
    </section>
  );
}

interface Collision {
  attribute: string;
  value: string;
  other: { id: string; label: string };
}

function collisionOf(error: AppError): Collision | null {
  const c = error.details?.collision;
  if (typeof c !== 'object' || c === null) return null;
  const r = c as Record<string, unknown>;
  const other = r.other as Record<string, unknown> | undefined;
  if (typeof r.attribute !== 'string' || typeof other?.id !== 'string') return null;
  return { attribute: r.attribute, value: String(r.value), other: { id: other.id, label: typeof other.label === 'string' ? other.label : other.id } };
}

/** A 409: which attribute collides, with a link to the resource that already has the value. */
export function ConflictError({ error, kind, openResource }: { error: AppError; kind: ResourceKind; openResource: (kind: ResourceKind, id: string) => void }) {
  const collision = collisionOf(error);
  return (
    <div role="alert" className="error" data-testid="collision">
      <p>{error.message}</p>
      {collision && (
        <p>
          {collision.attribute} “{collision.value}” is already held by{' '}
          <button type="button" className="link" onClick={() => openResource(kind, collision.other.id)}>
            {collision.other.label}
          </button>
        </p>
      )}
    </div>
  );
}
