// The users table's "Deactivate" selection action: the selection goes to main as the description
// it is (shared/selection.ts); main resolves it to ids from its index for the plan, or says the
// table changed since the users were selected.

import type { ComponentProps } from 'react';
import type { SelectionAction } from '../registry';
import { DeactivationFlow } from './DeactivationFlow';

export function DeactivateSelection({ api, profileId, readOnly, openResource, selection, count, onClose }: ComponentProps<SelectionAction['Component']>) {
  return (
    <section className="feature-panel" aria-label="Deactivate selected users">
      <div className="actions">
        <h3>Deactivate {count} selected user(s)</h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <DeactivationFlow api={api} profileId={profileId} readOnly={readOnly} inputs={[]} selection={{ ...selection, count }} openResource={openResource} stateKey="selection:flow" />
    </section>
  );
}
