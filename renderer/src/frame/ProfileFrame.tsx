// Everything for one open profile: its stores (kept by the app per profile, see store/scopes.ts),
// the status bar, the navigation with back/forward, the current page and the detail pane.
// Layout: a rail (profiles list, then the navigation) that never scrolls with the page; the
// content area shows the current page, or the profile settings page over it (the page stays
// mounted underneath, so going back to it keeps its state).

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
import { TenantHeader, type TenantMarks } from './TenantHeader';
import { ShortcutHelp, useShortcutHelp } from './ShortcutHelp';

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

/** The profile settings page: open or not, the element its content is portalled into, and close. */
export interface ProfilePageSlot {
  open: boolean;
  slotRef(element: HTMLElement | null): void;
  close(): void;
}

export function ProfileFrame({ api, profileId, profileName, picker, registries, stores, profilePage, header }: { api: InspectorApi; profileId: string; profileName: string; picker: React.ReactNode; registries: Registries; stores: ProfileStores; profilePage?: ProfilePageSlot; header?: React.ReactNode }) {
  const [marks, setMarks] = useState<TenantMarks>({ readOnly: false, production: false });
  const readOnly = marks.readOnly;
  useHistoryKeys(stores.ui);
  const help = useShortcutHelp();
  const closePage = profilePage?.close;
  // Any move to a page (navigation, back/forward, a link in a page) leaves the settings page.
  useEffect(() => (closePage ? stores.ui.subscribe((s, prev) => void (s.view !== prev.view && closePage())) : undefined), [stores.ui, closePage]);
  useEffect(() => {
    let live = true;
    void api.profiles.list().then((r) => {
      const profile = r.ok ? r.value.profiles.find((p) => p.id === profileId) : undefined;
      if (live && r.ok) setMarks({ readOnly: profile?.readOnly ?? false, production: profile?.production ?? false });
    });
    return () => {
      live = false;
    };
  }, [api, profileId]);
  const value = useMemo<ProfileScope>(() => ({ api, profileId, ...stores, readOnly }), [api, profileId, stores, readOnly]);

  return (
    <ScopeContext.Provider value={value}>
      <PageStateContext.Provider value={stores.pages}>
      {header !== undefined && <TenantHeader app={header} profileName={profileName} marks={marks} />}
      <StatusBar profileName={header === undefined ? profileName : null} />
      <div className="frame">
        <div className="left rail">
          <div className="rail-profiles">{picker}</div>
          <div className="rail-nav" onClickCapture={closePage}>
            <Nav features={registries.views} />
            <button type="button" className="link shortcut-link" aria-keyshortcuts="?" onClick={help.show}>Keyboard shortcuts (?)</button>
          </div>
        </div>
        <main className="content">
          {profilePage?.open && <section className="page profile-page-slot" aria-label="Profile settings" ref={profilePage.slotRef} />}
          <div className="page-host" hidden={profilePage?.open === true}>
            <Page registries={registries} />
          </div>
        </main>
        <DetailPane actions={registries.detailActions} />
      </div>
      {help.open && <ShortcutHelp onClose={help.hide} />}
      </PageStateContext.Provider>
    </ScopeContext.Provider>
  );
}
