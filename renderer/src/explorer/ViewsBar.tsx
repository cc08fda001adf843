// Saved views of a table per tenant (issue 17): pick one (or the built-in layout) to restore its
// columns, order, widths, sort and quick search; save the current layout under a name, rename or
// delete the picked one, and make it the view this table opens with. Main keeps them
// (gridViews.*) in the data folder the desktop app, browser mode and CLI share.

import { memo, useEffect, useRef, useState } from 'react';
import type { GridView, ProfileGridViews } from '../../../shared/grid-views';
import type { Result } from '../../../shared/channels';
import type { ResourceKind } from '../../../shared/scim';
import { useScope } from '../store/context';

export const ViewsBar = memo(function ViewsBar({ kind }: { kind: ResourceKind }) {
  const { api, profileId, ui } = useScope();
  const [saved, setSaved] = useState<ProfileGridViews | null>(null);
  const [picked, setPicked] = useState('');
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const openedWithDefault = useRef(false);

  const apply = (view: GridView | null): void => {
    ui.getState().applyLayout(kind, view ? { columns: view.columns, widths: view.widths, sort: view.sort, search: view.search } : null);
    setPicked(view?.name ?? '');
  };
  useEffect(() => {
    let live = true;
    void api.gridViews.list({ profileId }).then((r) => {
      if (!live) return;
      if (!r.ok) return setMessage({ error: true, text: r.error.message });
      setSaved(r.value);
      // The table opens with its default view, once per visit.
      const d = r.value.defaults[kind];
      const view = r.value.views.find((v) => v.kind === kind && v.name === d);
      if (view && !openedWithDefault.current) apply(view);
      openedWithDefault.current = true;
    });
    return () => {
      live = false;
    };
    // apply reads the latest store; listed once per profile and table.
  }, [api, profileId, kind]);

  const mine = (saved?.views ?? []).filter((v) => v.kind === kind);
  const isDefault = picked !== '' && saved?.defaults[kind] === picked;
  const done = (r: Result<ProfileGridViews>, text: string, nextPick?: string): void => {
    if (!r.ok) return setMessage({ error: true, text: r.error.message });
    setSaved(r.value);
    if (nextPick !== undefined) setPicked(nextPick);
    setMessage({ error: false, text });
  };
  const save = async (): Promise<void> => {
    const n = name.trim() || picked;
    if (n === '') return setMessage({ error: true, text: 'Type a name for the view first.' });
    const s = ui.getState();
    const view: GridView = { name: n, kind, columns: s.columns[kind], widths: s.widths[kind], sort: s.sort[kind], search: s.search[kind] };
    done(await api.gridViews.save({ profileId, view, asDefault: false }), `View “${n}” saved.`, n);
    setName('');
  };
  const rename = async (): Promise<void> => {
    const to = name.trim();
    if (picked === '' || to === '') return setMessage({ error: true, text: 'Pick a saved view and type its new name.' });
    done(await api.gridViews.rename({ profileId, kind, from: picked, to }), `View renamed to “${to}”.`, to);
    setName('');
  };
  const remove = async (): Promise<void> => {
    if (picked === '') return;
    done(await api.gridViews.remove({ profileId, kind, name: picked }), `View “${picked}” deleted; the layout stays as it is.`, '');
  };
  const toggleDefault = async (): Promise<void> => {
    if (picked === '') return;
    done(await api.gridViews.setDefault({ profileId, kind, name: isDefault ? null : picked }), isDefault ? 'This table opens with the built-in layout.' : `This table opens with “${picked}”.`);
  };

  return (
    <div className="views-bar" role="group" aria-label={`${kind} views`}>
      <label>
        View{' '}
        <select
          aria-label="Saved view"
          value={picked}
          onChange={(e) => {
            setMessage(null);
            apply(mine.find((v) => v.name === e.target.value) ?? null);
          }}
        >
          <option value="">Built-in layout</option>
          {mine.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name}
              {saved?.defaults[kind] === v.name ? ' (default)' : ''}
            </option>
          ))}
        </select>
      </label>
      <details className="chooser">
        <summary>Manage views</summary>
        <div className="chooser-panel">
          <label>
            View name <input type="text" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} placeholder={picked || 'e.g. HR review'} />
          </label>
          <div className="actions">
            <button type="button" onClick={() => void save()}>Save view</button>
            <button type="button" onClick={() => void rename()} disabled={picked === ''}>Rename</button>
            <button type="button" onClick={() => void remove()} disabled={picked === ''}>Delete</button>
            <button type="button" onClick={() => void toggleDefault()} disabled={picked === ''}>
              {isDefault ? 'Stop opening with it' : 'Open with this view'}
            </button>
          </div>
        </div>
      </details>
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'note'} data-testid={`views-message-${kind}`}>
          {message.text}
        </span>
      )}
    </div>
  );
});
