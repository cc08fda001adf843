// The users table's "Deactivate" selection action: the selected ids go straight into the flow.

import type { ComponentProps } from 'react';
import type { SelectionAction } from '../registry';
import { DeactivationFlow } from './DeactivationFlow';

export function DeactivateSelection({ api, profileId, readOnly, openResource, ids, onClose }: ComponentProps<SelectionAction['Component']>) {
  return (
    <section className="feature-panel" aria-label="Deactivate selected users">
      <div className="actions">
        <h3>Deactivate {ids.length} selected user(s)</h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <DeactivationFlow api={api} profileId={profileId} readOnly={readOnly} inputs={ids} openResource={openResource} stateKey="selection:flow" />
    </section>
  );
}
