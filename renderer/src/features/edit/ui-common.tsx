// Small pieces the edit, deactivation and audit views share: the error line, live progress from
// the 'progress' event, a value formatter and per-call ids.

import { useEffect, useRef, useState, type RefObject } from 'react';
import type { EventMap, InspectorApi } from '../../../../shared/channels';
import type { AppError } from '../../../../shared/errors';
import { ErrorMessage } from '../../frame/ErrorMessage';

export function ErrorNote({ error }: { error: AppError | null }) {
  if (!error) return null;
  return (
    <div role="alert" className="error" data-testid="feature-error">
      <ErrorMessage error={error} />
    </div>
  );
}

let counter = 0;
/** An id for one call (progress events and cancel refer to it); unique per page load. */
export function newOperationId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** The latest 'progress' event of one operation while it runs. */
export function useProgress(api: InspectorApi, operationId: string | null): EventMap['progress'] | null {
  const [progress, setProgress] = useState<EventMap['progress'] | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!operationId) return undefined;
    return api.events.on('progress', (p) => {
      if (p.operationId === operationId && !p.ended) setProgress(p);
    });
  }, [api, operationId]);
  return progress;
}

export function ProgressLine({ progress, onCancel }: { progress: EventMap['progress'] | null; onCancel?: () => void }) {
  const pct = progress && progress.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  return (
    <div className="progress-line" aria-live="polite">
      <progress max={100} value={pct ?? undefined} aria-label={progress?.label ?? 'Working'} />
      <span data-testid="op-progress">{progress ? `${progress.label}: ${progress.done}${progress.total !== null ? `/${progress.total}` : ''}` : 'Starting…'}</span>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}

/** A SCIM value as one short line (objects as JSON), '—' when unassigned. */
export function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Brings an element into view whenever `key` changes: a preview or an outcome opens below the form
 * in a narrow pane, and it is what the admin must read next.
 */
export function useIntoView<T extends HTMLElement>(key: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [key]);
  return ref;
}
