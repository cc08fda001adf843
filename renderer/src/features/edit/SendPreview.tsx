// A previewed write from the preview to its verified outcome, shared by every write that goes
// through an EditPreview (the edit form, group membership from a user, bulk group add/remove,
// removing dangling members): the request exactly as it will go out, sent only on confirmation;
// the outcome verified from the server's read-back; a 412 shows what changed and the rebuilt
// preview to confirm again; a partial PATCH offers its PUT preview; a 409 links to the other
// resource. The read-back reaches the explorer's store by main's resource.changed event.

import { useState } from 'react';
import type { InspectorApi } from '../../../../shared/channels';
import type { EditPreview, SendOutcome } from '../../../../shared/edit';
import type { AppError } from '../../../../shared/errors';
import type { ResourceKind } from '../../../../shared/scim';
import { ConflictError, OutcomeView } from './OutcomeView';
import { PreviewView } from './PreviewView';
import { ErrorNote } from './ui-common';

export interface PreviewSend {
  preview: EditPreview | null;
  outcome: SendOutcome | null;
  error: AppError | null;
  busy: boolean;
  /** Shows a new preview (null: none), clearing the last outcome and error. */
  show(preview: EditPreview | null): void;
  fail(error: AppError): void;
  setBusy(busy: boolean): void;
  send(confirmed: EditPreview): Promise<void>;
}

/** The state of one previewed write; onSent sees each outcome (to take the result as the next base). */
export function usePreviewSend(api: InspectorApi, profileId: string, onSent?: (outcome: SendOutcome) => void): PreviewSend {
  const [preview, setPreview] = useState<EditPreview | null>(null);
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    preview,
    outcome,
    error,
    busy,
    setBusy,
    show(next) {
      setError(null);
      setOutcome(null);
      setPreview(next);
    },
    fail(e) {
      setError(e);
      setBusy(false);
    },
    async send(confirmed) {
      setError(null);
      setBusy(true);
      const r = confirmed.method === 'PUT' ? await api.edit.sendReplace({ profileId, preview: confirmed }) : await api.edit.send({ profileId, preview: confirmed });
      setBusy(false);
      if (!r.ok) return setError(r.error);
      setOutcome(r.value);
      // A conflict comes with the preview rebuilt on the fresh resource: confirm again.
      setPreview(r.value.status === 'conflict' ? r.value.newPreview : null);
      onSent?.(r.value);
    },
  };
}

interface Props {
  state: PreviewSend;
  readOnly: boolean;
  kind: ResourceKind;
  openResource(kind: ResourceKind, id: string): void;
  /** Offered when the service will ignore part of a PATCH: preview the same change as a PUT. */
  onUsePut?: () => void;
}

/** The forms a server that refused a change as not implemented may accept, each to preview first. */
function Alternatives({ error, onPreview }: { error: AppError; onPreview: (preview: EditPreview) => void }) {
  const offered = Array.isArray(error.details?.alternatives) ? (error.details.alternatives as { label: string; preview: EditPreview }[]) : [];
  if (offered.length === 0) return null;
  return (
    <div className="actions" role="group" aria-label="Other forms of this change">
      {offered.map((a) => (
        <button key={a.label} type="button" onClick={() => onPreview(a.preview)}>
          Preview: {a.label}
        </button>
      ))}
    </div>
  );
}

export function SendPreview({ state, readOnly, kind, openResource, onUsePut }: Props) {
  const { preview, outcome, error, busy } = state;
  const offerPut = outcome?.status === 'partially-applied' ? outcome.offerPut : null;
  return (
    <>
      {error && (error.code === 'conflict' ? <ConflictError error={error} kind={kind} openResource={openResource} /> : <ErrorNote error={error} />)}
      {error?.code === 'not-supported' && <Alternatives error={error} onPreview={(p) => state.show(p)} />}
      {outcome && <OutcomeView outcome={outcome} onPreviewPut={() => offerPut && state.show(offerPut)} />}
      {preview && (
        <>
          <PreviewView preview={preview} />
          <div className="actions">
            <button type="button" className="primary" disabled={busy || readOnly || preview.empty} onClick={() => void state.send(preview)}>
              Confirm and send {preview.method}
            </button>
            {onUsePut && preview.needsReplace && preview.method === 'PATCH' && (
              <button type="button" disabled={busy} onClick={onUsePut}>
                Use PUT (preview)
              </button>
            )}
            <button type="button" onClick={() => state.show(null)}>
              Discard preview
            </button>
          </div>
        </>
      )}
    </>
  );
}
