// The grid's view of a listing (issue 15): rows asked from main's index for the current search,
// sort and data tick (see store/view-source.ts), and main's count of the selection: how many rows
// it selects and how many of them the view shows (shared/selection.ts).

import { useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ResourceKind } from '../../../shared/scim';
import { isEmptySelection, type SelectionCount } from '../../../shared/selection';
import { attributeColumns } from '../store/column-layout';
import { useExplorer, useScope, useUi } from '../store/context';
import type { ViewSnapshot, ViewSource } from '../store/view-source';

export type GridView = ViewSnapshot & { source: ViewSource };

/**
 * Keeps the view's query (listing, search, sort, data tick, columns, selection) set on its source,
 * and returns the source without subscribing to its rows: a component using only this does not
 * re-render when rows arrive (the table's toolbar), only when the query changes.
 */
export function useViewQuery(kind: ResourceKind): ViewSource {
  const source = useExplorer((s) => s.views[kind]);
  const listId = useExplorer((s) => s.listings[kind]?.listId ?? null);
  const tick = useExplorer((s) => s.ticks[kind]);
  const search = useUi((s) => s.search[kind]);
  const sort = useUi((s) => s.sort[kind]);
  const columns = useUi((s) => s.columns[kind]);
  const selection = useUi((s) => s.selection[kind]);
  const attributes = useMemo(() => attributeColumns(kind, columns), [kind, columns]);
  // Layout effect: the request leaves in the same task as the keystroke's render.
  useLayoutEffect(() => source.setQuery({ listId, search, sort, tick, attributes, selection }), [source, listId, search, sort, tick, attributes, selection]);
  return source;
}

/** The rows' snapshot of a source: the component using it re-renders on each publish. */
export function useViewSnapshot(source: ViewSource): GridView {
  const snapshot = useSyncExternalStore(source.subscribe, source.getSnapshot);
  return useMemo(() => ({ ...snapshot, source }), [snapshot, source]);
}

const NONE: SelectionCount = { count: 0, inView: 0, stale: null, missing: 0 };

/**
 * Main's count of the table's selection (and of its rows in the view's search): asked again when
 * the selection, the search or the data changes. Unknown (null counts) until main answers; a
 * failed count stays unknown, so the bar never claims "all N".
 */
export function useSelectionCount(kind: ResourceKind, view: GridView): SelectionCount {
  const { api, profileId } = useScope();
  const selection = useUi((s) => s.selection[kind]);
  const [counted, setCounted] = useState<{ key: unknown[]; value: SelectionCount } | null>(null);
  const search = view.shown?.search ?? '';
  const key = [selection, search, view.shown?.tick, view.shown?.listId, view.total];
  const empty = isEmptySelection(selection);
  useEffect(() => {
    if (empty) return;
    let live = true;
    void api.table.selection({ profileId, selection, search }).then((r) => {
      if (live && r.ok) setCounted({ key, value: r.value });
    });
    return () => {
      live = false;
    };
    // key names everything the count depends on.
  }, key);
  if (empty) return NONE;
  const fresh = counted !== null && counted.key.every((k, i) => k === key[i]);
  // Until main answers, the last count stands for the number, never for "all N in view".
  return fresh ? counted.value : { count: counted?.value.count ?? null, inView: null, stale: counted?.value.stale ?? null, missing: 0 };
}
