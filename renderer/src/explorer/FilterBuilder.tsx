// Filter builder: rows of attribute / operator / value joined by and/or; the core builds and
// validates the SCIM filter text (explorer.validateFilter), which is shown and can also be typed
// directly (errors come back with a position). After a filtered listing it says whether the
// server honoured the filter or the engine had to filter locally.

import { useEffect, useRef, useState } from 'react';
import type { InspectorApi, ListSummary } from '../../../shared/channels';
import { FILTER_OPERATORS, type FilterCheck, type FilterClauseInput, type FilterOperator } from '../../../shared/channels/explorer';
import { SCHEMAS } from '../../../shared/scim';

const ATTRIBUTES = ['userName', 'displayName', 'emails.value', 'name.givenName', 'name.familyName', 'active', 'externalId', 'title', 'id', 'meta.lastModified', `${SCHEMAS.enterpriseUser}:department`];

const EMPTY: FilterClauseInput = { attribute: 'userName', operator: 'sw', value: '', join: 'and', not: false };

export interface FilterBuilderProps {
  api: InspectorApi;
  /** Runs the listing with this filter (undefined clears it). */
  onApply(filter: string | undefined): void;
  /** The summary of the last listing, to say whether the server honoured its filter. */
  summary: ListSummary | null;
  applied: string | undefined;
}

export function honouredText(summary: ListSummary | null, applied: string | undefined): string | null {
  if (!summary || applied === undefined) return null;
  if (summary.serverHonouredFilter === true) return 'The server honoured the filter.';
  if (summary.serverHonouredFilter === false) return 'The server ignored the filter; filtered locally.';
  return null;
}

export function FilterBuilder({ api, onApply, summary, applied }: FilterBuilderProps) {
  const [clauses, setClauses] = useState<FilterClauseInput[]>([EMPTY]);
  const [text, setText] = useState('');
  const [check, setCheck] = useState<FilterCheck | null>(null);
  const seq = useRef(0);

  // The builder rows are the source; each change asks the core for the text (latest answer wins).
  const rebuild = (next: FilterClauseInput[]) => {
    setClauses(next);
    const n = ++seq.current;
    void api.explorer.validateFilter({ clauses: next, text: undefined }).then((r) => {
      if (n !== seq.current) return;
      const value: FilterCheck = r.ok ? r.value : { valid: false, message: r.error.message, position: 0, clause: null };
      setCheck(value);
      if (value.valid) setText(value.text);
    });
  };
  const typed = (value: string) => {
    setText(value);
    const n = ++seq.current;
    void api.explorer.validateFilter({ clauses: undefined, text: value }).then((r) => {
      if (n === seq.current) setCheck(r.ok ? r.value : { valid: false, message: r.error.message, position: 0, clause: null });
    });
  };
  useEffect(() => {
    if (applied !== undefined) typed(applied);
    // Only when the applied filter changes from outside (a reload keeps it); typed() only reads
    // refs and setters, so leaving it out of the dependencies cannot go stale.
  }, [applied]);

  const update = (i: number, patch: Partial<FilterClauseInput>) => rebuild(clauses.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  const honoured = honouredText(summary, applied);

  return (
    <section className="filter-builder" aria-label="Filter builder">
      <datalist id="filter-attributes">
        {ATTRIBUTES.map((a) => <option key={a} value={a} />)}
      </datalist>
      {clauses.map((c, i) => (
        <div className="clause" key={i} role="group" aria-label={`Condition ${i + 1}`}>
          {i > 0 ? (
            <select aria-label={`Join ${i + 1}`} value={c.join} onChange={(e) => update(i, { join: e.target.value === 'or' ? 'or' : 'and' })}>
              <option value="and">and</option>
              <option value="or">or</option>
            </select>
          ) : (
            <span className="join-pad">where</span>
          )}
          <label className="not">
            <input type="checkbox" checked={c.not} onChange={(e) => update(i, { not: e.target.checked })} /> not
          </label>
          <input aria-label={`Attribute ${i + 1}`} list="filter-attributes" value={c.attribute} onChange={(e) => update(i, { attribute: e.target.value })} />
          <select aria-label={`Operator ${i + 1}`} value={c.operator} onChange={(e) => update(i, { operator: e.target.value as FilterOperator })}>
            {FILTER_OPERATORS.map((op) => <option key={op} value={op}>{op}</option>)}
          </select>
          {c.operator !== 'pr' && <input aria-label={`Value ${i + 1}`} value={c.value} placeholder='text, true/false, null or "quoted"' onChange={(e) => update(i, { value: e.target.value })} />}
          <button type="button" aria-label={`Remove condition ${i + 1}`} disabled={clauses.length === 1} onClick={() => rebuild(clauses.filter((_, k) => k !== i))}>×</button>
        </div>
      ))}
      <div className="actions">
        <button type="button" onClick={() => rebuild([...clauses, { ...EMPTY, value: '' }])}>Add condition</button>
      </div>
      <label className="filter-text">
        SCIM filter
        <input aria-label="SCIM filter" data-testid="filter-text" value={text} spellCheck={false} onChange={(e) => typed(e.target.value)} />
      </label>
      {check && !check.valid && (
        <p role="alert" className="error" data-testid="filter-error">
          {check.clause !== null ? `Condition ${check.clause + 1}: ` : ''}
          {check.message.split('\n')[0]}
        </p>
      )}
      <div className="actions">
        <button type="button" disabled={!check?.valid} onClick={() => check?.valid && onApply(check.text)}>Apply filter</button>
        <button type="button" disabled={applied === undefined} onClick={() => onApply(undefined)}>Clear filter</button>
      </div>
      {applied !== undefined && (
        <p className="filter-status" data-testid="filter-status">
          Listing filtered by <code>{applied}</code>. {honoured}
        </p>
      )}
      {summary?.warnings.map((w) => <p key={w} className="warning">{w}</p>)}
    </section>
  );
}
