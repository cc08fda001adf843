// Channels of saved grid views per profile (issue 17; shared/grid-views.ts). Main keeps them in
// the data folder; the renderer names a profile and a view, never a path. Each answers the
// profile's views as they now stand. Implementations in electron/core/app/features/grid-views.ts.

import type { ChannelDef } from '../channel-def';
import { channel } from '../channel-def';
import { oneOf, record, requiredString } from '../channel-guards';
import { readGridView, viewName, type ProfileGridViews } from '../grid-views';
import type { ResourceKind } from '../scim';

const KINDS = ['Users', 'Groups'] as const;
const kindOf = (r: Record<string, unknown>): ResourceKind => oneOf(r.kind, KINDS, 'kind') ?? 'Users';

export const GRID_VIEW_CHANNELS = {
  'gridViews.list': channel<ProfileGridViews>()((input) => ({ profileId: requiredString(record(input, 'gridViews.list').profileId, 'profileId') })),
  /** Saves a view (replacing the table's view of the same name); `asDefault` makes it the table's default. */
  'gridViews.save': channel<ProfileGridViews>()((input) => {
    const r = record(input, 'gridViews.save');
    return { profileId: requiredString(r.profileId, 'profileId'), view: readGridView(r.view), asDefault: r.asDefault === true };
  }),
  'gridViews.rename': channel<ProfileGridViews>()((input) => {
    const r = record(input, 'gridViews.rename');
    return { profileId: requiredString(r.profileId, 'profileId'), kind: kindOf(r), from: viewName(r.from, 'from'), to: viewName(r.to, 'to') };
  }),
  'gridViews.remove': channel<ProfileGridViews>()((input) => {
    const r = record(input, 'gridViews.remove');
    return { profileId: requiredString(r.profileId, 'profileId'), kind: kindOf(r), name: viewName(r.name) };
  }),
  /** The view a table opens with; name null: the built-in layout. */
  'gridViews.setDefault': channel<ProfileGridViews>()((input) => {
    const r = record(input, 'gridViews.setDefault');
    return { profileId: requiredString(r.profileId, 'profileId'), kind: kindOf(r), name: r.name === null ? null : viewName(r.name) };
  }),
} satisfies Record<string, ChannelDef<unknown, unknown>>;
