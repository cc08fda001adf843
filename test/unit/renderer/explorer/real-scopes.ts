// One file's set-up for renderer tests over the real core: the real api on a sandbox of `users`
// (made before the file's tests, closed after them), and the profile scopes the tests open, each
// detached with the rendered DOM after its test so no listing or subscription outlives it.
import { createElement } from 'react';
import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { InspectorApi } from '../../../../shared/channels';
import { TableView } from '../../../../renderer/src/explorer/TableView';
import { ScopeContext, type ProfileScope } from '../../../../renderer/src/store/context';
import { createExplorerStore } from '../../../../renderer/src/store/explorer';
import { createUiStore } from '../../../../renderer/src/store/ui';
import { realApi } from './real-api';

type Real = Omit<Awaited<ReturnType<typeof realApi>>, 'close'>;

/** Registers the file's hooks; `take` receives the api (and app context) once made. Push every scope the tests open. */
export function realScopes(users: number, take: (real: Real) => void): ProfileScope[] {
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const real = await realApi(users);
    close = real.close;
    take(real);
  });
  afterAll(() => close?.());
  const scopes: ProfileScope[] = [];
  afterEach(() => {
    cleanup();
    for (const s of scopes.splice(0)) s.explorer.detach();
  });
  return scopes;
}

/** The Users table page over `api` (the sandbox profile) in a fresh scope, pushed to `scopes` for clean-up. */
export function renderUsersTable(api: InspectorApi, scopes: ProfileScope[]): ProfileScope {
  const s: ProfileScope = { api, profileId: 'sandbox', readOnly: false, explorer: createExplorerStore(api, 'sandbox'), ui: createUiStore() };
  scopes.push(s);
  render(createElement(ScopeContext.Provider, { value: s }, createElement(TableView, { kind: 'Users', selectionActions: [] })));
  return s;
}
