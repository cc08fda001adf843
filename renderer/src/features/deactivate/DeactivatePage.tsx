// The Deactivate page: paste or import a list (one value a line, or CSV with a chosen column) of
// userNames, emails, externalIds or ids; main parses it (a malformed file is rejected with its
// line number) and the DeactivationFlow takes it from the dry run on. When line 1 could be a
// header or a user, the page asks instead of guessing, and it always says which line was the header.

import type { CsvColumnValues } from '../../../../shared/channels/deactivate';
import type { FindingCode } from '../../../../shared/audit';
import type { AppError } from '../../../../shared/errors';
import type { FeatureContext } from '../registry';
import { ErrorNote } from '../edit/ui-common';
import { readPickedCsv } from '../csv-file';
import { DeactivationFlow } from './DeactivationFlow';
import { usePageState } from '../../store/pages';
import { DateTime } from '../../frame/DateTime';

/** Set by the Audit page's "Deactivate these N users": the users of one finding of an audit. */
export interface FindingSource {
  auditId: string;
  code: FindingCode;
  count: number;
  takenAt: string;
}
export const FINDING_SOURCE_KEY = 'deactivate:finding';

function FromFinding({ source, onDrop, ...flow }: { source: FindingSource; onDrop(): void } & Pick<FeatureContext, 'api' | 'profileId' | 'readOnly' | 'openResource'>) {
  return (
    <>
      <p data-testid="finding-source">
        {source.count} user(s) of the audit finding “{source.code}” (audit taken <DateTime iso={source.takenAt} />).{' '}
        <button type="button" className="link" onClick={onDrop}>
          Use a pasted list instead
        </button>
      </p>
      <DeactivationFlow {...flow} inputs={[]} finding={source} stateKey="deactivate:flow" />
    </>
  );
}

export function DeactivatePage({ api, profileId, readOnly, openResource }: FeatureContext) {
  const [finding, setFinding] = usePageState<FindingSource | null>(FINDING_SOURCE_KEY, null);
  const [text, setText] = usePageState('deactivate:text', '');
  const [column, setColumn] = usePageState('deactivate:column', '');
  const [header, setHeader] = usePageState<'auto' | 'yes' | 'no'>('deactivate:header', 'auto');
  const [table, setTable] = usePageState<CsvColumnValues | null>('deactivate:table', null);
  const [error, setError] = usePageState<AppError | null>('deactivate:error', null);

  const readList = async (source: string, chosen: string, headerRow = header): Promise<void> => {
    setError(null);
    setTable(null);
    if (source.trim() === '') return;
    const r = await api.deactivate.parseCsv({ text: source, column: chosen || undefined, hasHeader: headerRow === 'auto' ? undefined : headerRow === 'yes' });
    if (r.ok) {
      setTable(r.value);
      if (r.value.column) setColumn(r.value.column);
    } else setError(r.error);
  };

  const importFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const read = await readPickedCsv(file);
    if (!read.ok) {
      setTable(null);
      setError(read.error);
      return;
    }
    setText(read.text);
    await readList(read.text, column);
  };

  const answerHeader = (answer: 'yes' | 'no'): void => {
    setHeader(answer);
    void readList(text, column, answer);
  };
  const firstLine = table ? `“${table.firstRow.join(', ')}”` : '';

  if (finding) {
    return (
      <section className="feature-page" aria-label="Deactivate users">
        <h2>Deactivate users</h2>
        <FromFinding source={finding} onDrop={() => setFinding(null)} api={api} profileId={profileId} readOnly={readOnly} openResource={openResource} />
      </section>
    );
  }
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
          <select aria-label="Header row" value={header} onChange={(e) => (setHeader(e.target.value as 'auto' | 'yes' | 'no'), setColumn(''))}>
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
      {table?.headerUnsure && (
        <div role="group" aria-label="Is line 1 a header?" className="warning">
          <p>Line 1 ({firstLine}) could be a header or a user. Which is it?</p>
          <button type="button" onClick={() => answerHeader('yes')}>
            Line 1 is a header
          </button>{' '}
          <button type="button" onClick={() => answerHeader('no')}>
            Line 1 is a user
          </button>
        </div>
      )}
      {table && !table.headerUnsure && table.column === null && <p className="warning">The list has {table.headers.length} columns; choose the one with the users.</p>}
      {table && table.column !== null && (
        <>
          <p data-testid="list-count">
            {table.values.length} value(s){table.hasHeader || table.headers.length > 1 ? ` from column “${table.column}”` : ''}.{' '}
            {table.hasHeader ? `Line 1 (${firstLine}) was taken as the header.` : `No header: line 1 (${firstLine}) is a value.`}
          </p>
          <DeactivationFlow api={api} profileId={profileId} readOnly={readOnly} inputs={table.values} openResource={openResource} stateKey="deactivate:flow" />
        </>
      )}
    </section>
  );
}
