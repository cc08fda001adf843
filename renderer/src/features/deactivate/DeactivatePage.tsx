// The Deactivate page: paste or import a list (one value a line, or CSV with a chosen column) of
// userNames, emails, externalIds or ids; main parses it (a malformed file is rejected with its
// line number) and the DeactivationFlow takes it from the dry run on.

import { useState } from 'react';
import type { CsvColumnValues } from '../../../../shared/channels/deactivate';
import type { AppError } from '../../../../shared/errors';
import type { FeatureContext } from '../registry';
import { ErrorNote } from '../edit/ui-common';
import { DeactivationFlow } from './DeactivationFlow';

export function DeactivatePage({ api, profileId, readOnly, openResource }: FeatureContext) {
  const [text, setText] = useState('');
  const [column, setColumn] = useState('');
  const [header, setHeader] = useState<'auto' | 'yes' | 'no'>('auto');
  const [table, setTable] = useState<CsvColumnValues | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const readList = async (source: string, chosen: string): Promise<void> => {
    setError(null);
    setTable(null);
    if (source.trim() === '') return;
    const r = await api.deactivate.parseCsv({ text: source, column: chosen || undefined, hasHeader: header === 'auto' ? undefined : header === 'yes' });
    if (r.ok) {
      setTable(r.value);
      if (r.value.column) setColumn(r.value.column);
    } else setError(r.error);
  };

  const importFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    // The file's content is read here and sent as text: main never gets a path from the page.
    const content = await file.text();
    setText(content);
    await readList(content, column);
  };

  return (
    <section className="feature-page" aria-label="Deactivate users">
      <h2>Deactivate users</h2>
      <p className="muted">One userName, email, externalId or id per line — or CSV with a header row; pick the column that holds the values.</p>
      <label className="block">
        List
        <textarea rows={8} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="actions">
        <label>
          Import CSV <input type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => void importFile(e.target.files?.[0])} />
        </label>
        {table && table.headers.length > 1 && (
          <label>
            Column{' '}
            <select aria-label="Column" value={column} onChange={(e) => (setColumn(e.target.value), void readList(text, e.target.value))}>
              <option value="">choose…</option>
              {table.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Header row{' '}
          <select aria-label="Header row" value={header} onChange={(e) => setHeader(e.target.value as 'auto' | 'yes' | 'no')}>
            <option value="auto">guess</option>
            <option value="yes">first line is a header</option>
            <option value="no">no header: every line is a user</option>
          </select>
        </label>
        <button type="button" onClick={() => void readList(text, column)}>
          Read list
        </button>
      </div>
      <ErrorNote error={error} />
      {table && table.column === null && <p className="warning">The list has {table.headers.length} columns; choose the one with the users.</p>}
      {table && table.column !== null && (
        <>
          <p data-testid="list-count">
            {table.values.length} value(s) from column “{table.column}”{table.hasHeader ? ' (the first line was read as the header)' : ''}.
          </p>
          <DeactivationFlow key={table.values.join('\n')} api={api} profileId={profileId} readOnly={readOnly} inputs={table.values} openResource={openResource} />
        </>
      )}
    </section>
  );
}
