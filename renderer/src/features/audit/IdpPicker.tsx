// The IdP export for the comparison: the admin picks the file, main reads its header row (a file
// without one is refused there), and the key column and the tenant attribute it holds are chosen
// from that row, each preset with main's guess. The first rows show what the columns hold.

import type { InspectorApi } from '../../../../shared/channels';
import { IDP_MATCHES, IDP_MATCH_LABELS, type IdpMatch } from '../../../../shared/audit';
import type { IdpColumns } from '../../../../shared/channels/audit';
import type { AppError } from '../../../../shared/errors';
import { readPickedCsv } from '../csv-file';
import { usePageState } from '../../store/pages';

export interface IdpChoice {
  name: string;
  csv: string;
  columns: IdpColumns;
  key: string;
  match: IdpMatch;
}

/** The page's IdP choice (kept in page state, so leaving the Audit page keeps it). */
export function useIdpChoice() {
  return usePageState<IdpChoice | null>('audit:idp', null);
}

export function IdpPicker({ api, onError }: { api: InspectorApi; onError(error: AppError | null): void }) {
  const [idp, setIdp] = useIdpChoice();
  const pick = async (file: File | undefined): Promise<void> => {
    if (!file) return setIdp(null);
    const read = await readPickedCsv(file);
    if (!read.ok) return (setIdp(null), onError(read.error));
    const r = await api.audit.idpColumns({ idpCsv: read.text });
    if (!r.ok) return (setIdp(null), onError(r.error));
    onError(null);
    const columns = r.value;
    setIdp({ name: file.name, csv: read.text, columns, key: columns.guess?.column ?? columns.headers[0] ?? '', match: columns.guess?.match ?? 'email' });
  };
  return (
    <fieldset className="idp-picker">
      <legend>Compare with the IdP</legend>
      <label>
        IdP export (CSV) <input type="file" accept=".csv,text/csv" onChange={(e) => void pick(e.target.files?.[0])} />
      </label>
      {idp && (
        <>
          <span className="muted" data-testid="idp-file">
            Using {idp.name} ({idp.columns.rows} {idp.columns.rows === 1 ? 'row' : 'rows'})
          </span>
          <label>
            Key column{' '}
            <select value={idp.key} onChange={(e) => setIdp({ ...idp, key: e.target.value })}>
              {idp.columns.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
          <label>
            compared with the tenant's{' '}
            <select aria-label="Tenant attribute" value={idp.match} onChange={(e) => setIdp({ ...idp, match: e.target.value as IdpMatch })}>
              {IDP_MATCHES.map((m) => (
                <option key={m} value={m}>
                  {IDP_MATCH_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
          {idp.columns.guess === null && <p className="warning">No column name says which holds the users' keys: choose the key column and the attribute it holds.</p>}
          <table className="caps" aria-label="First rows of the IdP export">
            <thead>
              <tr>
                {idp.columns.headers.map((h) => (
                  <th key={h} scope="col" aria-current={h === idp.key ? 'true' : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {idp.columns.preview.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </fieldset>
  );
}
