// Everything for one open profile: its stores (created here, disposed when the profile closes so
// running listings are cancelled), the status bar, the navigation, the current page and the
// detail pane. A profile switch remounts this with a fresh pair of stores.

import { useEffect, useMemo, useState } from 'react';
import type { InspectorApi } from '../../../shared/channels';
import { CapabilitiesView } from '../explorer/CapabilitiesView';
import { DetailPane } from '../explorer/DetailPane';
import { RequestLogView } from '../explorer/RequestLogView';
import { TableView } from '../explorer/TableView';
import type { DetailAction, FeatureView, SelectionAction } from '../features/registry';
import { ScopeContext, useScope, useUi, type ProfileScope } from '../store/context';
import { createExplorerStore } from '../store/explorer';
import { createUiStore } from '../store/ui';
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
      <feature.Component api={scope.api} profileId={scope.profileId} readOnly={scope.readOnly} openResource={(kind, id) => scope.ui.getState().open(kind, id)} />
    </section>
  );
}

export function ProfileFrame({ api, profileId, profileName, picker, registries }: { api: InspectorApi; profileId: string; profileName: string; picker: React.ReactNode; registries: Registries }) {
  const [readOnly, setReadOnly] = useState(false);
  // One pair of stores per profile (readOnly is folded in below without recreating them).
  const scope = useMemo(() => ({ api, profileId, explorer: createExplorerStore(api, profileId), ui: createUiStore() }), [api, profileId]);
  useEffect(() => {
    scope.explorer.attach();
    return () => scope.explorer.detach();
  }, [scope]);
  useEffect(() => {
    let live = true;
    void api.profiles.list().then((r) => {
      if (live && r.ok) setReadOnly(r.value.profiles.find((p) => p.id === profileId)?.readOnly ?? false);
    });
    return () => {
      live = false;
    };
  }, [api, profileId]);
  const value = useMemo<ProfileScope>(() => ({ ...scope, readOnly }), [scope, readOnly]);

  return (
    <ScopeContext.Provider value={value}>
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
    </ScopeContext.Provider>
  );
}
