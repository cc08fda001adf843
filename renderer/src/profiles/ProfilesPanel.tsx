// The profiles column: the list (the built-in sandbox demo first) with a status chip each, "New
// profile", and the selected profile's details — token entry, test connection, editor. Everything
// goes through api.profiles.*; the renderer never holds a stored token, only what it just typed.
// In the app the list sits in the navigation rail and the details open as a page of their own
// (portalled into the frame's content area, pageSlot), so a test result or an editor never pushes
// the navigation away; without a slot (tests, narrow hosts) the details follow the list.

import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { BRIDGE_KEY, type InspectorApi, type Result } from '../../../shared/channels';
import type { ProfileSecretKind } from '../../../shared/channels/profile-connection';
import type { ProfileFields, ProfileList } from '../../../shared/channels/profiles';
import type { AppError } from '../../../shared/errors';
import { ProfileDetails } from './ProfileDetails';
import { ProfileEditor } from './ProfileEditor';
import { EMPTY_FORM } from './profile-form';
import { StatusChip } from './StatusChip';
import { usePanelMemory } from './test-results';
import './profiles.css';
import { ErrorMessage } from '../frame/ErrorMessage';

export interface ProfilesPanelProps {
  api: InspectorApi;
  selectedProfileId: string;
  onSelect(profileId: string): void;
  /**
   * A profile's URL, headers or token just changed (main has dropped its session): the frame can
   * reload what it shows for it, e.g. a listing that failed with token-missing before the token.
   */
  onChanged?: (profileId: string) => void;
  /** Where the details page renders (the frame's content area); without it they follow the list. */
  pageSlot?: HTMLElement | null;
  /** Whether the details page is open (only with a pageSlot). */
  pageOpen?: boolean;
  onPageOpen?: (open: boolean) => void;
}

type Mode = { kind: 'view' } | { kind: 'new' } | { kind: 'edit' };

export function ProfilesPanel({ api, selectedProfileId, onSelect, onChanged, pageSlot, pageOpen = false, onPageOpen }: ProfilesPanelProps) {
  const paged = pageSlot !== undefined;
  const [list, setList] = useState<ProfileList | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const tests = usePanelMemory((s) => s.tests);
  const setTest = usePanelMemory((s) => s.setTest);
  const [error, setError] = useState<AppError | null>(null);
  const notices = usePanelMemory((s) => s.notices);
  const setNotices = usePanelMemory((s) => s.setNotices);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const r = await api.profiles.list();
    if (r.ok) setList(r.value);
    else setError(r.error);
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** Runs one call with the panel busy; returns the value or null after showing the error. */
  const run = async <T,>(call: () => Promise<Result<T>>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    setNotices([]);
    try {
      const r = await call();
      if (!r.ok) {
        setError(r.error);
        return null;
      }
      return r.value;
    } finally {
      setBusy(false);
    }
  };

  const testProfile = async (profileId: string) => {
    const result = await run(() => api.profiles.test({ profileId }));
    if (result) setTest(result);
    await refresh();
  };

  const select = (profileId: string) => {
    setMode({ kind: 'view' });
    setError(null);
    setNotices([]);
    onSelect(profileId);
  };

  const create = async (fields: ProfileFields & { name: string; baseUrl: string }) => {
    const added = await run(() => api.profiles.add(fields));
    if (!added) return;
    await refresh();
    select(added.id);
    setNotices([added.auth.scheme === 'bearer' ? `Profile “${added.name}” saved. Paste its token below, then test the connection.` : `Profile “${added.name}” saved. Enter its secrets below (they go to the OS keychain), then test the connection.`]);
  };

  const selected = list?.profiles.find((p) => p.id === selectedProfileId) ?? null;
  const profileId = selected?.id ?? '';

  const tokenChange = async (call: () => Promise<Result<{ notices: string[] }>>) => {
    const changed = await run(call);
    await refresh();
    if (!changed) return;
    // A new token is tested straight away: the chip should say whether it works.
    await testProfile(profileId);
    setNotices(changed.notices);
    onChanged?.(profileId);
  };

  const errorNote = error && (
    <div role="alert" className="error" data-testid="profiles-error">
      <ErrorMessage error={error} />
    </div>
  );
  const details: ReactNode = (
    <>
      {errorNote}
      {notices.map((n) => (
        <p key={n} className="notice" role="status">{n}</p>
      ))}
      {mode.kind === 'new' ? (
        <ProfileEditor initial={EMPTY_FORM} creating busy={busy} onSave={create} onCancel={() => setMode({ kind: 'view' })} />
      ) : (
        selected && (
          <ProfileDetails
            key={selected.id}
            profile={selected}
            test={tests[selected.id] ?? null}
            editing={mode.kind === 'edit'}
            busy={busy}
            onEdit={(editing) => setMode(editing ? { kind: 'edit' } : { kind: 'view' })}
            onSave={async (fields) => {
              const saved = await run(() => api.profiles.update({ profileId, fields }));
              await refresh();
              if (!saved) return;
              setMode({ kind: 'view' });
              onChanged?.(profileId);
            }}
            onDelete={async () => {
              const removed = await run(() => api.profiles.remove({ profileId }));
              await refresh();
              if (!removed) return;
              setMode({ kind: 'view' });
              select(list?.profiles[0]?.id ?? 'sandbox');
              setNotices(removed.notices);
            }}
            onSetToken={(token) => tokenChange(() => api.profiles.setToken({ profileId, token }))}
            onRotateToken={(token) => tokenChange(() => api.profiles.rotateToken({ profileId, token }))}
            onClearToken={async () => {
              const cleared = await run(() => api.profiles.clearToken({ profileId }));
              await refresh();
              if (cleared) onChanged?.(profileId);
            }}
            onTest={() => testProfile(profileId)}
            connection={{
              // The desktop app's preload bridge: main shows the open dialog; otherwise the page reads the file.
              hostDialog: typeof (window as unknown as Record<string, unknown>)[BRIDGE_KEY] === 'object',
              onSetSecret: (kind, value) => tokenChange(() => api.profiles.setSecret({ profileId, kind: kind as ProfileSecretKind, value })),
              onClearSecret: async (kind) => {
                const cleared = await run(() => api.profiles.clearSecret({ profileId, kind: kind as ProfileSecretKind }));
                await refresh();
                if (cleared) onChanged?.(profileId);
              },
              onChooseTls: async (role, file) => {
                const chosen = await run(() => api.profiles.chooseTlsFile({ profileId, role, ...(file ?? {}) }));
                await refresh();
                if (chosen?.chosen) onChanged?.(profileId);
              },
              onClearTls: async (role) => {
                const cleared = await run(() => api.profiles.clearTlsFile({ profileId, role }));
                await refresh();
                if (cleared) onChanged?.(profileId);
              },
            }}
          />
        )
      )}
    </>
  );

  return (
    <>
      {paged && pageOpen && pageSlot && createPortal(<div className="profiles-panel profile-page">{details}</div>, pageSlot)}
      <section className="profiles-panel" aria-label="Connection profiles">
        <header className="profiles-head">
          <h2>Profiles</h2>
          <button
            type="button"
            onClick={() => {
              setMode({ kind: 'new' });
              onPageOpen?.(true);
            }}
            disabled={busy || (mode.kind === 'new' && (!paged || pageOpen))}
          >
            New profile
          </button>
        </header>
        {list?.notices.map((n) => (
          <p key={n} className="warning" role="status">{n}</p>
        ))}
        {list?.keychainError && (
          <div role="alert" className="error" data-testid="keychain-error">
            <ErrorMessage error={list.keychainError} />
          </div>
        )}
        <ul className="profile-list" aria-label="Saved profiles">
          {(list?.profiles ?? []).map((p) => (
            <li key={p.id}>
              <button type="button" className="profile-item" aria-current={p.id === selectedProfileId ? 'true' : undefined} onClick={() => (onPageOpen?.(false), select(p.id))} data-profile-id={p.id}>
                <span className="profile-name">{p.name}</span>
                {p.readOnly && <span className="badge-ro">RO</span>}
                <StatusChip status={p.status} detail={p.statusDetail} />
              </button>
            </li>
          ))}
        </ul>
        {list === null && !error && <p className="hint">Loading profiles…</p>}
        {paged && selected && (
          <button type="button" className="profile-settings" aria-pressed={pageOpen} onClick={() => onPageOpen?.(true)}>
            Profile settings
          </button>
        )}
        {paged && !pageOpen && errorNote}
        {!paged && details}
      </section>
    </>
  );
}
