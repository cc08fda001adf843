// The structured view of one resource: core attributes, the enterprise extension, any other
// schema extension by URN, and meta; plus the raw JSON with a copy button.

import { useState } from 'react';
import { SCHEMAS, type ScimResource } from '../../../shared/scim';
import { DateTime, isIsoDateTime } from '../frame/DateTime';
import { ActiveState } from './ActiveState';

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Complex values (name, emails[], manager) read as "key: value" pairs rather than raw JSON.
  if (typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${show(v)}`)
      .join(' · ');
  }
  return JSON.stringify(value);
}

/** The manager as a link to that user (its value is the user's id, RFC 7643 §4.3). */
function Manager({ value, openUser }: { value: unknown; openUser: (id: string) => void }) {
  const m = isRecord(value) ? value : {};
  const id = typeof m.value === 'string' ? m.value : '';
  if (id === '') return <>{show(value)}</>;
  const name = typeof m.displayName === 'string' && m.displayName !== '' ? m.displayName : id;
  return (
    <button type="button" className="link" data-testid="manager-link" onClick={() => openUser(id)}>
      {name}
    </button>
  );
}

function Attributes({ entries, openUser }: { entries: [string, unknown][]; openUser?: (id: string) => void }) {
  return (
    <dl className="attrs">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{k === 'active' && typeof v === 'boolean' ? <ActiveState active={v} /> : k === 'manager' && openUser ? <Manager value={v} openUser={openUser} /> : Array.isArray(v) ? v.map((item, i) => <div key={i}>{show(item)}</div>) : isIsoDateTime(v) && DATES.has(k) ? <DateTime iso={v} /> : show(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

// meta's dates show in local time (UTC on hover); other strings show as the server sent them.
const DATES = new Set(['created', 'lastModified']);

const SKIP = new Set(['schemas', 'meta', 'members', 'groups']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function StructuredView({ resource, openUser }: { resource: ScimResource; openUser?: (id: string) => void }) {
  const core: [string, unknown][] = [];
  const extensions: [string, Record<string, unknown>][] = [];
  for (const [k, v] of Object.entries(resource)) {
    if (SKIP.has(k)) continue;
    if (k.toLowerCase().startsWith('urn:') && isRecord(v)) extensions.push([k, v]);
    else core.push([k, v]);
  }
  extensions.sort(([a], [b]) => (a === SCHEMAS.enterpriseUser ? -1 : b === SCHEMAS.enterpriseUser ? 1 : a.localeCompare(b)));
  const meta = resource.meta;
  return (
    <>
      <section aria-label="Core attributes">
        <h3>Core</h3>
        <Attributes entries={core} />
      </section>
      {extensions.map(([urn, attrs]) => (
        <section key={urn} aria-label={urn === SCHEMAS.enterpriseUser ? 'Enterprise extension' : `Extension ${urn}`}>
          <h3>{urn === SCHEMAS.enterpriseUser ? 'Enterprise extension' : 'Extension'}</h3>
          <p className="urn">{urn}</p>
          <Attributes entries={Object.entries(attrs)} {...(urn === SCHEMAS.enterpriseUser && openUser ? { openUser } : {})} />
        </section>
      ))}
      <section aria-label="Meta">
        <h3>Meta</h3>
        <Attributes entries={[['created', meta?.created], ['lastModified', meta?.lastModified], ['version', meta?.version], ['resourceType', meta?.resourceType], ['location', meta?.location]]} />
        <p className="urn">schemas: {resource.schemas.join(', ')}</p>
      </section>
    </>
  );
}

export function RawJson({ resource }: { resource: ScimResource }) {
  const [note, setNote] = useState('');
  const json = JSON.stringify(resource, null, 2);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setNote('Copied.');
    } catch (error) {
      setNote(`Could not copy (${error instanceof Error ? error.message : String(error)}); select the text and copy it instead.`);
    }
  };
  return (
    <section aria-label="Raw JSON">
      <h3>
        Raw JSON <button type="button" onClick={() => void copy()}>Copy JSON</button> <span className="note">{note}</span>
      </h3>
      <pre tabIndex={0} className="raw" data-testid="raw-json">{json}</pre>
    </section>
  );
}
