// The core functions behind shared/channels/grid-views.ts: saved grid views per profile, kept in
// the data folder by GridViewsStore (one store per app context, so its writes are serialised).

import type { GRID_VIEW_CHANNELS } from '../../../../shared/channels/grid-views';
import { GridViewsStore } from '../../profiles/grid-views-store';
import type { AppContext } from '../context';
import type { FunctionsFor } from '../functions';

const stores = new WeakMap<AppContext, GridViewsStore>();

function store(ctx: AppContext): GridViewsStore {
  let s = stores.get(ctx);
  if (!s) stores.set(ctx, (s = new GridViewsStore(ctx.dataDir)));
  return s;
}

export const gridViewFunctions: FunctionsFor<typeof GRID_VIEW_CHANNELS> = {
  'gridViews.list': (ctx, { profileId }) => store(ctx).list(profileId),
  'gridViews.save': (ctx, { profileId, view, asDefault }) => store(ctx).save(profileId, view, asDefault),
  'gridViews.rename': (ctx, { profileId, kind, from, to }) => store(ctx).rename(profileId, kind, from, to),
  'gridViews.remove': (ctx, { profileId, kind, name }) => store(ctx).remove(profileId, kind, name),
  'gridViews.setDefault': (ctx, { profileId, kind, name }) => store(ctx).setDefault(profileId, kind, name),
};
