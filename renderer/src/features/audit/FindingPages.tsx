// One finding group's findings, a page at a time: the first page came with the audit view, the
// others are asked of main (audit.findings), which holds them all. Nothing is cut: every finding
// of the run can be reached, and the range says where the page is in the whole.

import { useEffect, useState } from 'react';
import type { InspectorApi } from '../../../../shared/channels';
import type { Finding } from '../../../../shared/audit';
import { FINDINGS_PAGE, type FindingGroup } from '../../../../shared/channels/audit';
import type { AppError } from '../../../../shared/errors';
import type { FeatureContext } from '../registry';
import { ErrorNote } from '../edit/ui-common';
import { ActiveState } from '../../explorer/ActiveState';

interface Props {
  api: InspectorApi;
  auditId: string;
  group: FindingGroup;
  openResource: FeatureContext['openResource'];
}

export function FindingPages({ api, auditId, group, openResource }: Props) {
  const [page, setPage] = useState<{ offset: number; findings: Finding[] }>({ offset: 0, findings: group.sample });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  // A new view (run again, or writes laid over it) starts over at its own first page.
  useEffect(() => setPage({ offset: 0, findings: group.sample }), [group]);

  const go = async (offset: number): Promise<void> => {
    setBusy(true);
    const r = await api.audit.findings({ auditId, code: group.code, offset, limit: FINDINGS_PAGE });
    setBusy(false);
    if (r.ok) {
      setError(null);
      setPage({ offset: r.value.offset, findings: r.value.findings });
    } else setError(r.error);
  };
  const first = page.offset + 1;
  const last = page.offset + page.findings.length;
  const paged = group.count > FINDINGS_PAGE;
  return (
    <>
      <ul className="finding-list" aria-busy={busy}>
        {page.findings.map((f, i) => (
          <li key={`${page.offset + i}`}>
            {f.resourceType === 'IdpRecord' ? (
              <code>{f.id}</code>
            ) : (
              <button type="button" className="link" onClick={() => openResource(f.resourceType === 'User' ? 'Users' : 'Groups', f.id)}>
                {f.resourceType} {f.id}
              </button>
            )}{' '}
            {f.code === 'inactive-user' && <ActiveState active={false} />} {f.detail}
            {f.code === 'dangling-member' && (
              <>
                {' '}
                <button type="button" onClick={() => openResource('Groups', f.id, 'remove-dangling')}>
                  Remove dangling members
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {paged && (
        <nav className="actions pager" aria-label={`Pages of ${group.code}`}>
          <button type="button" disabled={busy || page.offset === 0} onClick={() => void go(Math.max(0, page.offset - FINDINGS_PAGE))}>
            Previous
          </button>
          <span data-testid="finding-range">
            {first}–{last} of {group.count}
          </span>
          <button type="button" disabled={busy || last >= group.count} onClick={() => void go(last)}>
            Next
          </button>
        </nav>
      )}
      <ErrorNote error={error} />
    </>
  );
}
