// The grid's view of a listing (issue 15): rows asked from main's index for the current search,
// sort and data tick (see store/view-source.ts), and how many of the checked ids it holds.

import { useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ResourceKind } from '../../../shared/scim';
import { attributeColumns } from '../store/column-layout';
import { useExplorer, useUi } from '../store/context';
import type { ViewSnapshot, ViewSource } from '../store/view-source';

export type GridView = ViewSnapshot & { source: ViewSource };

/** Views up to this size count their checked rows (their ids are fetched once per change). */
const COUNT_CHECKED_MAX = 200_000;

export function useView(kind: ResourceKind): GridView {
  const source = useExplorer((s) => s.views[kind]);
  const listId = useExplorer((s) => s.listings[kind]?.listId ?? null);
  const tick = useExplorer((s) => s.ticks[kind]);
  const search = useUi((s) => s.search[kind]);
  const sort = useUi((s) => s.sort[kind]);
  const columns = useUi((s) => s.columns[kind]);
  const attributes = useMemo(() => attributeColumns(kind, columns), [kind, columns]);
  // Layout effect: the request leaves in the same task as the keystroke's render.
  useLayoutEffect(() => source.setQuery({ listId, search, sort, tick, attributes }), [source, listId, search, sort, tick, attributes]);
  const snapshot = useSyncExternalStore(source.subscribe, source.getSnapshot);
  return { ...snapshot, source };
}

/**
 * How many rows of the view are checked: null while unknown (being counted, or a view too large
 * to count in the renderer).
 */
export function useCheckedInView(view: GridView, checked: ReadonlySet<string>): number | null {
  const [counted, setCounted] = useState<{ key: string; n: number } | null>(null);
  const { shown, total, exact, source } = view;
  const key = shown ? `${shown.listId}|${shown.search}|${shown.sort ? `${shown.sort.column}:${shown.sort.dir}` : ''}|${shown.tick}|${total}|${exact}|${checked.size}` : '';
  useEffect(() => {
    if (checked.size === 0 || !shown || total > COUNT_CHECKED_MAX) return;
    let live = true;
    void source
      .ids(0, total)
      .then((ids) => {
        if (!live) return;
        let n = 0;
        for (const id of ids) if (checked.has(id)) n++;
        setCounted({ key, n });
      })
      // A failed count stays unknown (null): the bar then shows the selection without "all N".
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // key names everything the count depends on.
  }, [key, checked]);
  if (checked.size === 0) return 0;
  return counted?.key === key ? counted.n : null;
}
