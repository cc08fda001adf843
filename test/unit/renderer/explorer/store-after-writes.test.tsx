// @vitest-environment jsdom
// Every verified write updates the explorer store from the server's read-back (resource.changed
// from main), over the real core and a real sandbox tenant: an edit shows in the grid's cells, the
// detail pane's structured view and raw JSON while the verified outcome stays open; a deactivation
// run's users read "no" in the Active column; a group edit moves the Groups column of its old and
// new members; a 412 puts what the server holds now into the row; and the live audit's findings
// follow the writes.
import { describe, expect, it } from 'vitest';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { InspectorApi } from '../../../../shared/channels';
import type { AuditView } from '../../../../shared/channels/audit';
import type { PlannedRun, RunOutcome } from '../../../../shared/channels/deactivate';
import type { EditPreview, SendOutcome } from '../../../../shared/edit';
import type { ScimGroup, ScimResource } from '../../../../shared/scim';
import type { AppContext } from '../../../../electron/core/app/index';
import { DetailPane } from '../../../../renderer/src/explorer/DetailPane';
import { DETAIL_ACTIONS } from '../../../../renderer/src/features';
import { ScopeContext, type ProfileScope } from '../../../../renderer/src/store/context';
import { createExplorerStore } from '../../../../renderer/src/store/explorer';
import { createUiStore } from '../../../../renderer/src/store/ui';
import { value as ok } from '../../host/features-context';
import { realScopes } from './real-scopes';

// A safety net for a loaded machine (the calls go to a real server), not a speed claim.
configure({ asyncUtilTimeout: 10_000 });

let api: InspectorApi;
let ctx: AppContext;
const scopes = realScopes(80, (real) => ({ api, ctx } = real));

async function loadedScope(): Promise<ProfileScope> {
  const s: ProfileScope = { api, profileId: 'sandbox', readOnly: false, explorer: createExplorerStore(api, 'sandbox'), ui: createUiStore() };
  scopes.push(s);
  await s.explorer.getState().load('Users');
  await s.explorer.getState().load('Groups');
  return s;
}


const cellOf = (s: ProfileScope, id: string, column: 'title' | 'active' | 'groups'): string => {
  const users = s.explorer.getState().tables.Users;
  return users.cell(users.rowOf.get(id) as number, column);
};

describe('the store after verified writes', () => {
  it('an edit shows in the grid cells, the structured view and raw JSON, and the outcome stays open', async () => {
    const s = await loadedScope();
    const user = s.explorer.getState().tables.Users.resources.find((u) => u.active === true) as ScimResource;
    act(() => s.ui.getState().open('Users', user.id));
    render(
      <ScopeContext.Provider value={s}>
        <DetailPane actions={DETAIL_ACTIONS} />
      </ScopeContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Store Title' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm and send PATCH' }));
    await screen.findByTestId('verified');
    await waitFor(() => expect(cellOf(s, user.id, 'title')).toBe('Store Title'));
    const pane = screen.getByRole('complementary', { name: 'User detail' });
    await waitFor(() => expect(within(pane).getByRole('region', { name: 'Core attributes' }).textContent).toContain('Store Title'));
    expect(JSON.parse(screen.getByTestId('raw-json').textContent ?? '{}').title).toBe('Store Title');
    // The store change did not close the edit panel: the verified outcome is still there.
    expect(screen.getByTestId('verified').textContent).toMatch(/verified/);
  });

  it('a deactivation run shows its users inactive in the grid as they are verified', async () => {
    const s = await loadedScope();
    const targets = s.explorer.getState().tables.Users.resources.filter((u) => u.active === true).slice(0, 3);
    const { planId } = ok<PlannedRun>(await api.deactivate.plan({ profileId: 'sandbox', inputs: targets.map((u) => u.id), method: undefined }));
    const run = ok<RunOutcome>(await api.deactivate.execute({ planId, operationId: 'store-run', confirmCount: 3 }));
    expect(run.done).toHaveLength(3);
    await waitFor(() => expect(targets.map((u) => cellOf(s, u.id, 'active'))).toEqual(['no', 'no', 'no']));
    const undo = ok<RunOutcome>(await api.deactivate.undo({ profileId: 'sandbox', journalName: run.journalName ?? '', operationId: 'store-undo', confirmCount: 3 }));
    expect(undo.done).toHaveLength(3);
    await waitFor(() => expect(targets.map((u) => cellOf(s, u.id, 'active'))).toEqual(['yes', 'yes', 'yes']));
  });

  it("a group edit updates the Groups column of the removed and the added member", async () => {
    const s = await loadedScope();
    const groups = s.explorer.getState().tables.Groups.resources as ScimGroup[];
    const users = s.explorer.getState().tables.Users.resources;
    const group = groups.find((g) => (g.members?.length ?? 0) >= 2 && (g.members?.length ?? 0) < users.length && g.displayName !== 'All Staff') as ScimGroup;
    const name = group.displayName;
    const removed = group.members?.[0]?.value as string;
    const added = users.find((u) => !group.members?.some((m) => m.value === u.id))?.id as string;
    expect(cellOf(s, removed, 'groups')).toContain(name);
    expect(cellOf(s, added, 'groups')).not.toContain(name);
    const edited = { ...group, members: [...(group.members ?? []).slice(1), { value: added }] };
    const preview = ok<EditPreview>(await api.edit.preview({ profileId: 'sandbox', kind: 'Groups', id: group.id, change: { edited }, before: group }));
    expect(ok<SendOutcome>(await api.edit.send({ profileId: 'sandbox', preview })).status).toBe('applied');
    await waitFor(() => expect(cellOf(s, added, 'groups')).toContain(name));
    expect(cellOf(s, removed, 'groups')).not.toContain(name);
  });

  it('after a 412 the row shows what the server holds now, not the stale value', async () => {
    const s = await loadedScope();
    const user = s.explorer.getState().tables.Users.resources.find((u) => u.active === true && u.meta?.version) as ScimResource;
    const preview = ok<EditPreview>(await api.edit.preview({ profileId: 'sandbox', kind: 'Users', id: user.id, change: { edited: { ...user, title: 'Mine' } }, before: user }));
    // Someone else changes the user between the preview and the send.
    const { client } = await ctx.sessions.session('sandbox');
    await client.patch('Users', user.id, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'displayName', value: 'Changed Elsewhere' }] });
    const outcome = ok<SendOutcome>(await api.edit.send({ profileId: 'sandbox', preview }));
    expect(outcome).toMatchObject({ status: 'conflict', responseStatus: 412 });
    const users = s.explorer.getState().tables.Users;
    await waitFor(() => expect(users.get(user.id)?.displayName).toBe('Changed Elsewhere'));
    expect(users.get(user.id)?.title).toBe(user.title);
  });

  it("the live audit's findings follow the writes made after its snapshot", async () => {
    const audit = ok<AuditView>(await api.audit.run({ profileId: 'sandbox', operationId: 'store-audit', snapshot: undefined, staleDays: undefined }));
    const inactive = audit.counts.inactive;
    const { client } = await ctx.sessions.session('sandbox');
    const active = (await client.list('Users', { filter: 'active eq true', limit: 1 })).Resources[0] as ScimResource;
    const { planId } = ok<PlannedRun>(await api.deactivate.plan({ profileId: 'sandbox', inputs: [active.id], method: undefined }));
    ok<RunOutcome>(await api.deactivate.execute({ planId, operationId: 'store-audit-run', confirmCount: 1 }));
    const after = ok<AuditView>(await api.audit.view({ auditId: audit.auditId }));
    expect(after.counts.inactive).toBe(inactive + 1);
    expect(after.writesSince).toBe(1);
    const finding = after.groups.find((g) => g.code === 'inactive-user');
    expect(finding?.sample.some((f) => f.id === active.id)).toBe(true);
  });
});
