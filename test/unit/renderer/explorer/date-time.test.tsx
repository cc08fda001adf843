// @vitest-environment jsdom
// Dates show in local time with the UTC value on hover (issue 17): the shared <DateTime>, the detail
// pane's meta.created/lastModified and the snapshot picker. The time zone is fixed so the local
// text is known: New York is UTC-5 in December.
process.env.TZ = 'America/New_York';

import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { DateTime, localDateTime } from '../../../../renderer/src/frame/DateTime';
import { StructuredView } from '../../../../renderer/src/explorer/ResourceSections';
import { snapshotLabel } from '../../../../renderer/src/features/audit/SnapshotOptions';
import type { ScimResource } from '../../../../shared/scim';
import type { SnapshotFile } from '../../../../shared/channels/audit';

afterEach(cleanup);

const ISO = '2026-12-03T13:05:09.120Z';

describe('dates in local time, UTC on hover', () => {
  it('DateTime shows local time with the UTC value as title and dateTime', () => {
    render(<p data-testid="t"><DateTime iso={ISO} /></p>);
    const time = screen.getByTestId('t').querySelector('time');
    expect(time?.textContent).toBe('2026-12-03 08:05:09');
    expect(time?.getAttribute('title')).toBe('2026-12-03 13:05:09 UTC');
    expect(time?.getAttribute('dateTime')).toBe(ISO);
  });

  it('a value that is not a date is shown as it came', () => {
    expect(localDateTime('yesterday')).toBe('yesterday');
    render(<p data-testid="t"><DateTime iso="yesterday" /></p>);
    expect(screen.getByTestId('t').textContent).toBe('yesterday');
  });

  it('the detail pane shows meta.created and lastModified in local time', () => {
    const user = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: 'u1', userName: 'ana', meta: { resourceType: 'User', created: '2026-01-15T09:00:00Z', lastModified: ISO } } as unknown as ScimResource;
    render(<StructuredView resource={user} />);
    const meta = screen.getByRole('region', { name: 'Meta' });
    expect(meta.textContent).toContain('2026-01-15 04:00:00');
    expect(meta.textContent).toContain('2026-12-03 08:05:09');
    expect(meta.textContent).not.toContain('T13:05');
    expect(meta.querySelector(`time[title="2026-12-03 13:05:09 UTC"]`)).not.toBeNull();
  });

  it('the snapshot picker names the local time', () => {
    const s = { name: 'a.json', label: 'before', takenAt: ISO, modifiedAt: ISO, tenant: { name: 'Sandbox', current: true } } as unknown as SnapshotFile;
    expect(snapshotLabel(s)).toBe('before · Sandbox · taken 2026-12-03 08:05');
  });
});
