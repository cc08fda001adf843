// An edit preview as the admin confirms it: the warnings, the changed attributes before and as
// predicted after (the unchanged ones folded away), then the request exactly as it will go out
// (method, URL, headers with the token already redacted by main, If-Match, body).

import type { EditPreview } from '../../../../shared/edit';
import { show, useIntoView } from './ui-common';

const HIDDEN = new Set(['schemas', 'meta', 'id']);

/** Top-level attributes that did not change, shown plain so the changed ones stand out. */
function unchangedRows(preview: EditPreview): [string, unknown][] {
  const changedTop = new Set(preview.changes.map((c) => c.path.split(/[.[]/)[0] ?? c.path));
  return Object.entries(preview.after).filter(([k]) => !HIDDEN.has(k) && !changedTop.has(k));
}

export function RequestView({ request }: { request: EditPreview['request'] }) {
  return (
    <div className="request" data-testid="request">
      <p>
        <strong>{request.method}</strong> <code>{request.url}</code>
      </p>
      <ul className="headers">
        {Object.entries(request.headers).map(([name, value]) => (
          <li key={name}>
            <code>
              {name}: {value}
            </code>
          </li>
        ))}
      </ul>
      <pre tabIndex={0} className="body">{JSON.stringify(request.body, null, 2)}</pre>
    </div>
  );
}

/** The attributes the edit leaves alone, folded away so the change and Confirm stay in view. */
function Unchanged({ rows }: { rows: [string, unknown][] }) {
  if (rows.length === 0) return null;
  return (
    <details className="unchanged">
      <summary>
        {rows.length} unchanged attribute{rows.length === 1 ? '' : 's'}
      </summary>
      <table className="dense">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k} data-changed="false">
              <th scope="row">{k}</th>
              <td>{show(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function PreviewView({ preview }: { preview: EditPreview }) {
  const ref = useIntoView<HTMLElement>(preview);
  return (
    <section ref={ref} className="preview" aria-label="Preview" data-testid="preview">
      <h3>
        Preview: {preview.method} {preview.kind === 'Users' ? 'user' : 'group'} {preview.id}
      </h3>
      {preview.empty && preview.ignored.length === 0 && <p className="warning">This edit changes nothing; there is nothing to send.</p>}
      {preview.empty && preview.ignored.length > 0 && (
        <p className="warning" data-testid="all-ignored">
          This service would change none of it with a {preview.method}; nothing to send.{preview.needsReplace ? ' Use PUT (preview) to make the change.' : ''}
        </p>
      )}
      {preview.warnings.map((w) => (
        <p key={`${w.code}:${w.path ?? ''}`} className="warning" data-testid="preview-warning">
          {w.message}
        </p>
      ))}
      <table className="dense diff">
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col">Before</th>
            <th scope="col">After (predicted)</th>
          </tr>
        </thead>
        <tbody>
          {preview.changes.map((c) => (
            <tr key={c.path} className="changed" data-changed="true">
              <th scope="row">{c.path}</th>
              <td>
                <del>{show(c.before)}</del>
              </td>
              <td>
                <mark>{show(c.after)}</mark>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.ignored.length > 0 && (
        <table className="dense" aria-label="Not changed by this service" data-testid="preview-ignored">
          <caption>Not changed by this service (not in the predicted after)</caption>
          <tbody>
            {preview.ignored.map((c) => (
              <tr key={c.path}>
                <th scope="row">{c.path}</th>
                <td>{show(c.before)}</td>
                <td>
                  <s>{show(c.after)}</s>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Unchanged rows={unchangedRows(preview)} />
      <RequestView request={preview.request} />
    </section>
  );
}
