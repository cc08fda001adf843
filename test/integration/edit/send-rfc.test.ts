// previewEdit + sendEdit against the rfc sandbox (ETags, 409 uniqueness, bracket member paths):
// the preview is the request that goes out, a stale version gives a rebased preview instead of a
// resend, a duplicate userName names the other user, read-only connections send nothing, and
// every attempt lands in the change journal without the token.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewEdit, readChangeJournal, sendEdit } from '../../../electron/core/edit';
import { InspectorError } from '../../../shared/errors';
import type { ScimResource } from '../../../shared/scim';
import { editTenant, journalText, plainUserIds, TOKEN, writes, type EditTenant } from './support';

let t: EditTenant;
beforeAll(async () => {
  t = await editTenant('rfc');
});
afterAll(async () => {
  await t?.close();
});

async function caught(promise: Promise<unknown>): Promise<InspectorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InspectorError) return error;
    throw error;
  }
  throw new Error('expected an InspectorError');
}

describe('edit on the rfc sandbox', () => {
  it('previews the exact request (If-Match, token redacted) and the sent PATCH gives the previewed resource', async () => {
    const id = plainUserIds(t.sandbox)[0]!;
    const before = await t.client.get('Users', id);
    const preview = await previewEdit(t.client, 'Users', id, { edited: { ...before, title: 'Chief Loom Officer' } }, { before, vendor: 'rfc' });
    expect(preview.request).toMatchObject({ method: 'PATCH', url: `${t.client.baseUrl.replace(/\/$/, '')}/Users/${id}` });
    expect(preview.request.headers['If-Match']).toBe(before.meta?.version);
    expect(preview.request.headers.Authorization).toBe('Bearer [redacted]');
    expect(preview.request.body).toEqual({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'title', value: 'Chief Loom Officer' }] });
    expect(preview.changed).toEqual(['title']);
    const outcome = await sendEdit(t.client, preview, { journal: t.journal, profile: 'rfc test' });
    expect(outcome.status).toBe('applied');
    if (outcome.status !== 'applied') return;
    expect(outcome.responseStatus).toBe(200);
    expect(outcome.verification.ok).toBe(true);
    expect(outcome.result.title).toBe('Chief Loom Officer');
    // The request log saw exactly the previewed body and If-Match.
    const sent = t.client.transport.log.entries().filter((e) => e.method === 'PATCH').pop()!;
    expect(JSON.parse(sent.requestBody ?? 'null')).toEqual(preview.request.body);
    const onWire = new Map(Object.entries(sent.requestHeaders).map(([k, v]) => [k.toLowerCase(), v]));
    for (const [name, value] of Object.entries(preview.request.headers)) {
      if (name.toLowerCase() !== 'authorization') expect([name, onWire.get(name.toLowerCase())]).toEqual([name, value]);
    }
  });

  it('a PATCH answered 204 with no body is read back and verified', async () => {
    const id = plainUserIds(t.sandbox)[1]!;
    t.sandbox.setFaults({ noContentOnWrite: true });
    try {
      const preview = await previewEdit(t.client, 'Users', id, { operations: [{ op: 'replace', path: 'displayName', value: 'Nobody Body' }] });
      const outcome = await sendEdit(t.client, preview, { journal: t.journal });
      expect(outcome.status).toBe('applied');
      if (outcome.status !== 'applied') return;
      expect(outcome.responseStatus).toBe(204);
      expect(outcome.result.displayName).toBe('Nobody Body');
    } finally {
      t.sandbox.setFaults({});
    }
  });

  it('412: someone changed the user meanwhile; nothing is resent, the edit is rebased and confirmed again', async () => {
    const id = plainUserIds(t.sandbox)[2]!;
    const before = await t.client.get('Users', id);
    const preview = await previewEdit(t.client, 'Users', id, { edited: { ...before, title: 'Mine' } }, { before });
    await t.other.patch('Users', id, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'nickName', value: 'theirs' }] });
    const writesBefore = writes(t.sandbox);
    const outcome = await sendEdit(t.client, preview, { journal: t.journal });
    expect(outcome.status).toBe('conflict');
    if (outcome.status !== 'conflict') return;
    expect(writes(t.sandbox) - writesBefore).toBe(1); // the refused PATCH only, no automatic resend
    expect(t.sandbox.store.get('Users', id)?.res.title).not.toBe('Mine');
    expect(outcome.changedMeanwhile.map((c) => c.path)).toEqual(['nickName']);
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.newPreview.request.headers['If-Match']).toBe(outcome.fresh.meta?.version);
    expect(outcome.newPreview.request.headers['If-Match']).not.toBe(before.meta?.version);
    expect(outcome.newPreview.after).toMatchObject({ title: 'Mine', nickName: 'theirs' });
    const again = await sendEdit(t.client, outcome.newPreview, { journal: t.journal });
    expect(again.status).toBe('applied');
    expect(t.sandbox.store.get('Users', id)?.res).toMatchObject({ title: 'Mine', nickName: 'theirs' });
  });

  it('412 on hand-written operations keeps them as written on the fresh resource', async () => {
    const id = plainUserIds(t.sandbox)[3]!;
    const preview = await previewEdit(t.client, 'Users', id, { operations: { Operations: [{ op: 'Replace', path: 'title', value: 'Ops' }] } });
    await t.other.patch('Users', id, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'title', value: 'Theirs' }] });
    const outcome = await sendEdit(t.client, preview, { journal: t.journal });
    expect(outcome.status).toBe('conflict');
    if (outcome.status !== 'conflict') return;
    expect(outcome.changedMeanwhile).toEqual([expect.objectContaining({ path: 'title', after: 'Theirs' })]);
    expect(outcome.conflicts).toEqual(['title']);
    expect(outcome.newPreview.request.body).toMatchObject({ Operations: [{ op: 'replace', path: 'title', value: 'Ops' }] });
    expect(outcome.newPreview.before.title).toBe('Theirs');
  });

  it('409: renaming to a taken userName names the attribute and the other user', async () => {
    const [mine, theirs] = plainUserIds(t.sandbox).slice(4, 6) as [string, string];
    const taken = String(t.sandbox.store.get('Users', theirs)?.res.userName);
    const preview = await previewEdit(t.client, 'Users', mine, { operations: [{ op: 'replace', path: 'userName', value: taken }] });
    const error = await caught(sendEdit(t.client, preview, { journal: t.journal }));
    expect(error.code).toBe('conflict');
    expect(error.details).toMatchObject({ status: 409, scimType: 'uniqueness', collision: { attribute: 'userName', value: taken, other: { id: theirs } } });
    expect(error.message).toContain(theirs);
    expect(t.sandbox.store.get('Users', mine)?.res.userName).not.toBe(taken);
  });

  it('removes a member with the bracket filter path and the server drops exactly that member', async () => {
    const groupId = t.sandbox.store.ids('Groups').find((g) => ((t.sandbox.store.get('Groups', g)?.res.members as unknown[]) ?? []).length >= 2)!;
    const before = await t.client.get('Groups', groupId);
    const members = before.members as { value: string }[];
    const gone = members[0]!.value;
    const preview = await previewEdit(t.client, 'Groups', groupId, { edited: { ...before, members: members.slice(1) } }, { before, vendor: 'rfc' });
    expect(preview.request.body).toMatchObject({ Operations: [{ op: 'remove', path: `members[value eq "${gone}"]` }] });
    const outcome = await sendEdit(t.client, preview, { journal: t.journal });
    expect(outcome.status).toBe('applied');
    if (outcome.status !== 'applied') return;
    expect((outcome.result.members as { value: string }[]).map((m) => m.value).sort()).toEqual(members.slice(1).map((m) => m.value).sort());
  });

  it('a connection cut after the write reached the server is journalled as unknown, not failed', async () => {
    const id = plainUserIds(t.sandbox)[6]!;
    const preview = await previewEdit(t.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'Maybe' }] });
    t.sandbox.setFaults({ resetEvery: 1 });
    let error: InspectorError;
    try {
      error = await caught(sendEdit(t.client, preview, { journal: t.journal }));
    } finally {
      t.sandbox.setFaults({});
    }
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/may or may not have been applied/);
    expect(error.details).toMatchObject({ sent: 'unknown' });
    // It did land: exactly why "failed" would be the wrong word.
    expect(t.sandbox.store.get('Users', id)?.res.title).toBe('Maybe');
    const { entries } = await readChangeJournal(t.journal);
    expect(entries.at(-1)).toMatchObject({ id, outcome: 'unknown', error: { code: 'network' } });
  });

  it('journals every attempt (intent and result) readably, and never the token', async () => {
    // Its own tenant and journal: what it reads is what it wrote, whatever ran before it.
    const own = await editTenant('rfc', { users: 20 });
    try {
      const [applied, stale, renamed, taken] = plainUserIds(own.sandbox) as [string, string, string, string];
      const before = await own.client.get('Users', applied);
      const first = await sendEdit(own.client, await previewEdit(own.client, 'Users', applied, { edited: { ...before, title: 'Chief Loom Officer' } }, { before, vendor: 'rfc' }), { journal: own.journal, profile: 'rfc test' });
      expect(first.status).toBe('applied');
      const late = await previewEdit(own.client, 'Users', stale, { operations: [{ op: 'replace', path: 'title', value: 'Late' }] });
      await own.other.patch('Users', stale, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'nickName', value: 'first' }] });
      expect((await sendEdit(own.client, late, { journal: own.journal })).status).toBe('conflict');
      const userName = String(own.sandbox.store.get('Users', taken)?.res.userName);
      expect((await caught(sendEdit(own.client, await previewEdit(own.client, 'Users', renamed, { operations: [{ op: 'replace', path: 'userName', value: userName }] }), { journal: own.journal }))).code).toBe('conflict');

      const { entries, tornTail } = await readChangeJournal(own.journal);
      expect(tornTail).toBe(false);
      expect(entries.map((e) => [e.id, e.outcome, e.responseStatus])).toEqual([
        [applied, 'applied', 200],
        [stale, 'precondition-failed', 412],
        [renamed, 'conflict', 409],
      ]);
      const [entry] = entries;
      expect(entry).toMatchObject({ profile: 'rfc test', kind: 'Users', error: null });
      expect(entry?.who.length).toBeGreaterThan(0);
      expect(entry?.request.headers.Authorization).toBe('Bearer [redacted]');
      expect((entry?.after as ScimResource).title).toBe('Chief Loom Officer');
      expect(entry?.before.title).toBe(before.title);
      expect(Date.parse(entry?.at ?? '')).not.toBeNaN();
      expect(await journalText(own.journal)).not.toContain(TOKEN);
    } finally {
      await own.close();
    }
  });

  it('a read-only connection refuses in the core: nothing is sent, the refusal is journalled', async () => {
    const ro = await editTenant('rfc', { readOnly: true });
    try {
      const id = plainUserIds(ro.sandbox)[0]!;
      const preview = await previewEdit(ro.client, 'Users', id, { operations: [{ op: 'replace', path: 'active', value: false }] });
      const error = await caught(sendEdit(ro.client, preview, { journal: ro.journal }));
      expect(error.code).toBe('refused-read-only');
      expect(writes(ro.sandbox)).toBe(0);
      expect(ro.sandbox.store.get('Users', id)?.res.active).toBe(true);
      const { entries } = await readChangeJournal(ro.journal);
      expect(entries).toEqual([expect.objectContaining({ outcome: 'refused', responseStatus: null })]);
    } finally {
      await ro.close();
    }
  });
});
