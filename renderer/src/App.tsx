// The app frame: header, the profiles panel (renderer/src/profiles) and, for the open profile, the explorer (status bar,
// navigation, pages, detail pane) with the feature registries plugged in.

import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, InspectorApi } from '../../shared/channels';
import type { AppError } from '../../shared/errors';
import type { ApiChoice } from './api';
import { DETAIL_ACTIONS, FEATURE_VIEWS, SELECTION_ACTIONS } from './features';
import { ErrorState } from './frame/ErrorState';
import { ProfileFrame, type Registries } from './frame/ProfileFrame';
import { ProfilesPanel } from './profiles';
import { useStoreCache } from './store/scopes';

const DEMO_PROFILE_ID = 'sandbox';
const REGISTRIES: Registries = { views: FEATURE_VIEWS, detailActions: DETAIL_ACTIONS, selectionActions: SELECTION_ACTIONS };

function Shell({ api }: { api: InspectorApi }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [profileId, setProfileId] = useState(DEMO_PROFILE_ID);
  // Bumped when the open profile's URL or token changed: main dropped its session, so the frame
  // starts over with fresh stores (and reloads) instead of showing what the old connection gave.
  const [generation, setGeneration] = useState(0);
  const stores = useStoreCache(api);
  // The profile settings page (details, token, test, editor) opens in the content area, where the
  // frame renders this slot; the navigation rail keeps only the list of profiles.
  const [profilePage, setProfilePage] = useState(false);
  const [pageSlot, setPageSlot] = useState<HTMLElement | null>(null);
  const closeProfilePage = useCallback(() => setProfilePage(false), []);
  useEffect(() => {
    void api.app.info().then((r) => (r.ok ? setInfo(r.value) : setError(r.error)));
  }, [api, generation]);
  const profileName = info?.profiles.find((p) => p.id === profileId)?.name ?? profileId;
  return (
    <div className="app">
      {error && <ErrorState error={error} />}
      <ProfileFrame
        header={
          <>
            <h1>SCIM Inspector</h1>
            <span className="badge" data-testid="mode">{info ? `${info.mode} · v${info.version}` : '…'}</span>
          </>
        }
        key={`${profileId}#${generation}`}
        api={api}
        profileId={profileId}
        profileName={profileName}
        registries={REGISTRIES}
        stores={stores.get(profileId)}
        profilePage={{ open: profilePage, slotRef: setPageSlot, close: closeProfilePage }}
        picker={
          <ProfilesPanel
            api={api}
            selectedProfileId={profileId}
            onSelect={setProfileId}
            pageSlot={pageSlot}
            pageOpen={profilePage}
            onPageOpen={setProfilePage}
            onChanged={(id) => {
              // Its connection changed: its stores start over (the old answers are not current).
              stores.drop(id);
              if (id === profileId) setGeneration((g) => g + 1);
            }}
          />
        }
      />
    </div>
  );
}

export function App({ choice }: { choice: ApiChoice }) {
  if (choice.api === null) {
    return (
      <main>
        <h1>SCIM Inspector</h1>
        <p role="alert" className="error">{choice.problem}</p>
      </main>
    );
  }
  return <Shell api={choice.api} />;
}
