// Delete a group from its detail pane: the DELETE previewed from the group as the server holds it
// now (name, members, If-Match), confirmed by typing the group's name, then sent; it is "deleted"
// only when the server answers 404 for it. The store drops the row through the verified-change event.

import { useEffect, useId, useState, type ComponentProps } from 'react';
import type { DeleteOutcome, DeletePreview } from '../../../../shared/create';
import type { AppError } from '../../../../shared/errors';
import type { DetailAction } from '../registry';
import { ErrorNote } from '../edit/ui-common';

type Props = ComponentProps<DetailAction['Component']>;

export function DeleteGroup({ api, profileId, readOnly, resource, onClose }: Props) {
  const [preview, setPreview] = useState<DeletePreview | null>(null);
  const [outcome, setOutcome] = useState<DeleteOutcome | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  useEffect(() => {
    let live = true;
    void api.delete.preview({ profileId, id: resource.id }).then((r) => {
      if (!live) return;
      if (r.ok) setPreview(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, profileId, resource.id]);

  const send = async (p: DeletePreview): Promise<void> => {
    setBusy(true);
    setError(null);
    const r = await api.delete.send({ profileId, preview: p });
    setBusy(false);
    if (r.ok) setOutcome(r.value);
    else setError(r.error);
  };

  if (outcome) {
    return (
      <div className="feature-panel" role="status" data-testid="group-deleted">
        Deleted “{outcome.preview.name}” ({outcome.responseStatus ?? '2xx'}); verified: the server answers 404 for it.
      </div>
    );
  }
  return (
    <div className="feature-panel" aria-label="Delete group" role="group">
      {!preview && !error && <p role="status">Reading the group…</p>}
      {preview && (
        <>
          <p data-testid="delete-preview">
            <strong>DELETE</strong> <code>{preview.request.url}</code>
            {preview.request.headers['If-Match'] ? ` (If-Match ${preview.request.headers['If-Match']})` : ''} — “{preview.name}”, {preview.memberCount} member(s).
          </p>
          {preview.warnings.map((w) => (
            <p key={w} className="warning">
              {w}
            </p>
          ))}
          {readOnly ? (
            <p className="warning">This profile is read-only: deleting is refused.</p>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (typed.trim() === preview.name && !busy) void send(preview);
              }}
            >
              <label htmlFor={id}>Type the group’s name, “{preview.name}”, to delete it</label>
              <input id={id} type="text" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
              <button type="submit" className="danger" disabled={busy || typed.trim() !== preview.name}>
                Delete group
              </button>
              <button type="button" onClick={onClose}>
                Cancel
              </button>
            </form>
          )}
        </>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
