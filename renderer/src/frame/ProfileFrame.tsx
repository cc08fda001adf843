// Everything for one open profile: its stores (kept by the app per profile, see store/scopes.ts),
// the status bar, the navigation with back/forward, the current page and the detail pane.

import { useEffect, useMemo, useState } from 'react';
import type { InspectorApi } from '../../../shared/channels';
import { CapabilitiesView } from '../explorer/CapabilitiesView';
import { DetailPane } from '../explorer/DetailPane';
import { RequestLogView } from '../explorer/RequestLogView';
import { TableView } from '../explorer/TableView';
import type { DetailAction, FeatureView, SelectionAction } from '../features/registry';
import { ScopeContext, useScope, useUi, type ProfileScope } from '../store/context';
import { PageStateContext } from '../store/pages';
import type { ProfileStores } from '../store/scopes';
import { useHistoryKeys } from './history-keys';
import { Nav } from './Nav';
import { StatusBar } from './StatusBar';

export interface Registries {
  views: readonly FeatureView[];
  detailActions: readonly DetailAction[];
  selectionActions: readonly SelectionAction[];
}

function Page({ registries }: { registries: Registries }) {
  const scope = useScope();
  const view = useUi((s) => s.view);
  if (view === 'Users' || view === 'Groups') return <TableView key={view} kind={view} selectionActions={registries.selectionActions} />;
  if (view === 'Capabilities') return <CapabilitiesView />;
  if (view === 'RequestLog') return <RequestLogView />;
  const feature = registries.views.find((f) => `feature:${f.id}` === view);
  if (!feature) return <p className="empty">This page is not available.</p>;
  return (
    <section className="page" aria-label={feature.label}>
      <feature.Component
        api={scope.api}
        profileId={scope.profileId}
        readOnly={scope.readOnly}
        openResource={(kind, id, action) => scope.ui.getState().open(kind, id, action)}
        goTo={(id) => scope.ui.getState().setView(`feature:${id}`)}
      />
    </section>
  );
}

export function ProfileFrame({ api, profileId, profileName, picker, registries, stores }: { api: InspectorApi; profileId: string; profileName: string; picker: React.ReactNode; registries: Registries; stores: ProfileStores }) {
  const [readOnly, setReadOnly] = useState(false);
  useHistoryKeys(stores.ui);
  useEffect(() => {
    let live = true;
    void api.profiles.list().then((r) => {
      if (live && r.ok) setReadOnly(r.value.profiles.find((p) => p.id === profileId)?.readOnly ?? false);
    });
    return () => {
      live = false;
    };
  }, [api, profileId]);
  const value = useMemo<ProfileScope>(() => ({ api, profileId, ...stores, readOnly }), [api, profileId, stores, readOnly]);

  return (
    <ScopeContext.Provider value={value}>
      <PageStateContext.Provider value={stores.pages}>
      <StatusBar profileName={profileName} />
      <div className="frame">
        <div className="left">
          {picker}
          <Nav features={registries.views} />
        </div>
        <main className="content">
          <Page registries={registries} />
        </main>
        <DetailPane actions={registries.detailActions} />
      </div>
      </PageStateContext.Provider>
    </ScopeContext.Provider>
  );
}
