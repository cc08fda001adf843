// What sendEdit promises an admin beyond the happy paths of send-rfc and send-vendors, on real
// sandbox tenants: a preview that changes nothing, or was made for another connection, or a PATCH
// given to sendReplace, is refused before anything is journalled or sent; a tampered request is
// validated for its kind; a PATCH without a version is sent as it is, a PUT without one re-reads
// first but ignores server-managed changes; a write accepted but not read back says so; every
// failure is journalled with its own outcome and error; a 501/405 names the forms offered (or that
// none is); a 412 keeps hand-written operations as written (rebuilt when they no longer apply);
// and cancelling stops the re-reads around the write.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewEdit, readChangeJournal, sendEdit, sendReplace } from '../../../electron/core/edit';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import type { EditPreview } from '../../../shared/edit';
import type { ScimGroup } from '../../../shared/scim';
import { existsSync } from 'node:fs';
import { tenantPool, plainUserIds, writes, type EditTenant } from './support';
import { failure } from '../../support/failure';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const { open, closeAll } = tenantPool();
let rfc: EditTenant;
beforeAll(async () => {
  rfc = await open('rfc');
});
afterAll(closeAll);


/** A client on `t`'s sandbox that never retries: the first failed answer is the answer. */
function noRetries(t: EditTenant): ScimClient {
  return createScimClient({ baseUrl: t.sandbox.url, token: () => t.sandbox.token, vendor: t.vendor, retryBudgetMs: 0 });
}

function groupWithMembers(t: EditTenant, min: number): string {
  return t.sandbox.store.ids('Groups').find((g) => ((t.sandbox.store.get('Groups', g)?.res.members as unknown[]) ?? []).length >= min) as string;
}

describe('refused before anything is journalled or sent', () => {
  it('a preview that changes nothing', async () => {
    const id = plainUserIds(rfc.sandbox)[0]!;
    const before = await rfc.client.get('Users', id);
    const preview = await previewEdit(rfc.client, 'Users', id, { edited: before }, { before });
    expect(preview.empty).toBe(true);
    const journal = `${rfc.journal}.empty`;
    const error = await failure(sendEdit(rfc.client, preview, { journal }));
    expect([error.code, error.message]).toEqual(['invalid-input', 'The edit changes nothing, so nothing was sent.']);
    expect(existsSync(journal)).toBe(false);
  });

  it('a preview made on another connection (another tenant), naming both', async () => {
    const elsewhere = await open('rfc', { users: 5 });
    const id = plainUserIds(elsewhere.sandbox)[0]!;
    const preview = await previewEdit(elsewhere.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'Elsewhere' }] });
    const journal = `${rfc.journal}.elsewhere`;
    const before = [writes(rfc.sandbox), writes(elsewhere.sandbox)];
    const error = await failure(sendEdit(rfc.client, preview, { journal }));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe(
      `This preview was made for ${preview.request.url}, not for this connection (${rfc.client.baseUrl.replace(/\/$/, '')}/Users/${id}); preview the edit again on this connection. Nothing was sent.`,
    );
    expect(error.details).toEqual({ previewUrl: preview.request.url });
    expect([writes(rfc.sandbox), writes(elsewhere.sandbox)]).toEqual(before);
    expect(existsSync(journal)).toBe(false);
  });

  it('a PATCH preview given to sendReplace (the PUT fallback)', async () => {
    const id = plainUserIds(rfc.sandbox)[1]!;
    const preview = await previewEdit(rfc.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'Not a PUT' }] });
    const journal = `${rfc.journal}.replace`;
    const before = writes(rfc.sandbox);
    const error = await failure(sendReplace(rfc.client, preview, { journal }));
    expect([error.code, error.message]).toEqual([
      'invalid-input',
      'sendReplace sends the PUT preview offered after a partial PATCH (offerPut) or made with method PUT; this preview is a PATCH — use sendEdit.',
    ]);
    expect(writes(rfc.sandbox)).toBe(before);
    expect(existsSync(journal)).toBe(false);
  });

  it('a tampered PATCH that writes a user’s read-only groups is refused for its kind, journalled as failed', async () => {
    const id = plainUserIds(rfc.sandbox)[2]!;
    const preview = await previewEdit(rfc.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'T' }] });
    const tampered: EditPreview = { ...preview, request: { ...preview.request, body: { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'groups', value: [{ value: 'g1' }] }] } } };
    const journal = `${rfc.journal}.tampered`;
    const before = writes(rfc.sandbox);
    const error = await failure(sendEdit(rfc.client, tampered, { journal }));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/"groups" is read-only/);
    expect(writes(rfc.sandbox)).toBe(before);
    const { entries } = await readChangeJournal(journal);
    expect(entries).toEqual([expect.objectContaining({ id, outcome: 'failed', responseStatus: null, error: { code: 'invalid-input', message: error.message }, warnings: [] })]);
  });
});

describe('writes without a version (no ETag)', () => {
  it('a PATCH is sent as it is: it carries only its own change, so one made meanwhile to another attribute stays', async () => {
    const t = await open('mindtickle');
    const id = plainUserIds(t.sandbox)[0]!;
    const before = await t.client.get('Users', id);
    expect(before.meta?.version).toBeUndefined();
    const preview = await previewEdit(t.client, 'Users', id, { edited: { ...before, active: false } }, { before, vendor: 'mindtickle' });
    await t.other.replace('Users', id, { ...before, displayName: 'Changed Meanwhile' });
    const gets = t.sandbox.stats().byMethod.GET ?? 0;
    const outcome = await sendEdit(t.client, preview, { journal: t.journal });
    expect(outcome.status).toBe('applied');
    expect(t.sandbox.store.get('Users', id)?.res).toMatchObject({ active: false, displayName: 'Changed Meanwhile' });
    expect((t.sandbox.stats().byMethod.GET ?? 0) - gets).toBe(1); // the read-back only
  });

  it('a PUT re-reads first, but a write meanwhile that changed only what the server manages (meta) does not stop it', async () => {
    const t = await open('lettermint');
    const id = plainUserIds(t.sandbox)[1]!;
    const before = await t.client.get('Users', id);
    const preview = await previewEdit(t.client, 'Users', id, { edited: { ...before, displayName: 'New Name' } }, { before, vendor: 'lettermint', method: 'PUT' });
    // Someone writes the user back unchanged: only meta.lastModified moves.
    await t.other.replace('Users', id, before);
    expect((await t.other.get('Users', id)).meta?.lastModified).not.toBe(before.meta?.lastModified);
    const outcome = await sendEdit(t.client, preview, { journal: t.journal });
    expect(outcome.status).toBe('applied');
    expect(t.sandbox.store.get('Users', id)?.res.displayName).toBe('New Name');
  });

  it('cancelled before a PUT: the re-read is cancelled too, and nothing is journalled or sent', async () => {
    const t = await open('lettermint');
    const id = plainUserIds(t.sandbox)[2]!;
    const preview = await previewEdit(t.client, 'Users', id, { edited: { ...(await t.client.get('Users', id)), displayName: 'Never' } }, { vendor: 'lettermint', method: 'PUT' });
    const before = writes(t.sandbox);
    const error = await failure(sendEdit(t.client, preview, { journal: t.journal, signal: AbortSignal.abort() }));
    expect(error.code).toBe('cancelled');
    expect(writes(t.sandbox)).toBe(before);
    expect(existsSync(t.journal)).toBe(false);
  });
});

describe('after the write', () => {
  it('accepted but not read back: says the write was accepted, journals it applied with the failure', async () => {
    const t = await open('rfc', { users: 10 });
    const client = noRetries(t);
    try {
      const id = plainUserIds(t.sandbox)[0]!;
      const preview = await previewEdit(client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'Unverified' }] });
      // The PATCH is answered; the read-back after it gets a 500.
      t.sandbox.setFaults({ serverErrorBurst: { every: 2, length: 1, status: 500 } });
      const error = await failure(sendEdit(client, preview, { journal: t.journal }));
      t.sandbox.setFaults({});
      expect(t.sandbox.store.get('Users', id)?.res.title).toBe('Unverified');
      expect(error.message).toMatch(/^The PATCH was accepted \(200\) but reading the resource back to verify it failed: .+ Reload it to see what the server holds\.$/);
      expect(error.details).toMatchObject({ status: 500, sent: true });
      const { entries } = await readChangeJournal(t.journal);
      expect(entries).toEqual([
        expect.objectContaining({
          id,
          changeId: error.details?.changeId,
          outcome: 'applied',
          responseStatus: 200,
          after: null,
          error: expect.objectContaining({ code: error.code }),
          warnings: ['The write was accepted but the resource could not be read back to verify it.'],
        }),
      ]);
    } finally {
      await client.close();
    }
  });

  it('cancelled once the write was answered: the read-back is not made, and the write is said to be accepted', async () => {
    const t = await open('rfc', { users: 10 });
    const id = plainUserIds(t.sandbox)[1]!;
    const preview = await previewEdit(t.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'Cancelled After' }] });
    const controller = new AbortController();
    const stop = t.client.transport.log.subscribe((entry) => {
      if (entry.method === 'PATCH') controller.abort();
    });
    try {
      const error = await failure(sendEdit(t.client, preview, { journal: t.journal, signal: controller.signal }));
      expect(error.code).toBe('cancelled');
      expect(error.message).toMatch(/^The PATCH was accepted \(200\)/);
      expect(t.sandbox.store.get('Users', id)?.res.title).toBe('Cancelled After');
    } finally {
      stop();
    }
  });

  it('a value the server stores otherwise is reported as altered, not as applied, and a PUT is offered', async () => {
    const t = await open('rfc', { users: 10 });
    const id = plainUserIds(t.sandbox)[2]!;
    const preview = await previewEdit(t.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'Typed Title' }] });
    // The server stores another value than the one sent (as a service that trims or maps values).
    const stop = t.client.transport.log.subscribe((entry) => {
      const row = t.sandbox.store.get('Users', id);
      if (entry.method === 'PATCH' && row) t.sandbox.store.update('Users', id, { ...row.res, title: 'Stored Title' }, true);
    });
    try {
      const outcome = await sendEdit(t.client, preview, { journal: t.journal });
      expect(outcome.status).toBe('partially-applied');
      if (outcome.status !== 'partially-applied') return;
      expect(outcome.altered).toEqual([{ path: 'title', before: 'Typed Title', after: 'Stored Title' }]);
      expect(outcome.ignored).toEqual([]);
      expect(outcome.offerPut?.request.body).toMatchObject({ id, title: 'Typed Title' });
    } finally {
      stop();
    }
  });

  it('a read-back that is another resource (the server answers with a wrong id) verifies nothing: accepted, not applied, and says why', async () => {
    const t = await open('rfc', { users: 10 });
    const id = plainUserIds(t.sandbox)[3]!;
    const preview = await previewEdit(t.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'Typed Title' }] });
    // Nothing else differs: the resource read back holds exactly what was sent, under another id.
    const stop = t.client.transport.log.subscribe((entry) => {
      const row = t.sandbox.store.get('Users', id);
      if (entry.method === 'PATCH' && row) t.sandbox.store.update('Users', id, { ...row.res, id: 'someone-else' }, true);
    });
    try {
      const error = await failure(sendEdit(t.client, preview, { journal: t.journal }));
      expect(error.code).toBe('bad-response');
      expect(error.message).toMatch(/^The PATCH was accepted \(200\) but reading the resource back to verify it failed: GET \S+ answered 200 with another resource \(id "someone-else", not ".+"\)/);
      expect(error.details).toMatchObject({ sent: true, asked: id, answered: 'someone-else' });
      const { entries } = await readChangeJournal(t.journal);
      expect(entries).toEqual([expect.objectContaining({ id, after: null, error: expect.objectContaining({ code: 'bad-response' }), warnings: ['The write was accepted but the resource could not be read back to verify it.'] })]);
    } finally {
      stop();
    }
  });

  it('what the server ignored and what the preview said the vendor would not make are both listed; a PUT after a PUT is never offered', async () => {
    // The profile says "mittr" (no title stored) but the server is Lettermint, whose PATCH also
    // ignores everything but active: the preview predicts the title, the read-back finds displayName.
    const t = await open('lettermint');
    const id = plainUserIds(t.sandbox)[3]!;
    const before = await t.client.get('Users', id);
    const preview = await previewEdit(t.client, 'Users', id, { edited: { ...before, title: 'Weaver', displayName: 'Shown Name' } }, { before, vendor: 'mittr' });
    expect(preview.ignored.map((c) => c.path)).toEqual(['title']);
    const outcome = await sendEdit(t.client, preview, { journal: t.journal });
    expect(outcome.status).toBe('partially-applied');
    if (outcome.status !== 'partially-applied') return;
    expect(outcome.ignored.map((c) => c.path)).toEqual(['displayName', 'title']);
    // The same with no vendor hint, as a PUT: the server drops the title it does not store.
    const again = await t.client.get('Users', id);
    const put = await previewEdit(t.client, 'Users', id, { edited: { ...again, title: 'Weaver' } }, { before: again, method: 'PUT' });
    expect(put.ignored).toEqual([]);
    const replaced = await sendEdit(t.client, put, { journal: t.journal });
    expect(replaced.status).toBe('partially-applied');
    if (replaced.status !== 'partially-applied') return;
    expect(replaced.ignored.map((c) => c.path)).toEqual(['title']);
    expect(replaced.offerPut).toBeNull();
  });
});

describe('failures, each journalled with its own outcome', () => {
  it('412 on a PUT is rebased into a new PUT; the conflict says 412 and the journal says precondition-failed', async () => {
    const id = plainUserIds(rfc.sandbox)[3]!;
    const before = await rfc.client.get('Users', id);
    const preview = await previewEdit(rfc.client, 'Users', id, { edited: { ...before, title: 'Put Mine' } }, { before, method: 'PUT' });
    await rfc.other.patch('Users', id, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'nickName', value: 'theirs' }] });
    const journal = `${rfc.journal}.412`;
    const outcome = await sendEdit(rfc.client, preview, { journal });
    expect(outcome.status).toBe('conflict');
    if (outcome.status !== 'conflict') return;
    expect(outcome.responseStatus).toBe(412);
    expect(outcome.newPreview.method).toBe('PUT');
    expect(outcome.newPreview.request.body).toMatchObject({ title: 'Put Mine', nickName: 'theirs' });
    const { entries } = await readChangeJournal(journal);
    expect(entries).toEqual([expect.objectContaining({ outcome: 'precondition-failed', responseStatus: 412, error: expect.objectContaining({ code: 'precondition-failed' }), warnings: [] })]);
  });

  it('409: the journal keeps the explained conflict, not the bare one', async () => {
    const [mine, theirs] = plainUserIds(rfc.sandbox).slice(4, 6) as [string, string];
    const taken = String(rfc.sandbox.store.get('Users', theirs)?.res.userName);
    const journal = `${rfc.journal}.409`;
    const error = await failure(sendEdit(rfc.client, await previewEdit(rfc.client, 'Users', mine, { operations: [{ op: 'replace', path: 'userName', value: taken }] }), { journal }));
    const { entries } = await readChangeJournal(journal);
    expect(entries).toEqual([expect.objectContaining({ outcome: 'conflict', responseStatus: 409, error: { code: 'conflict', message: error.message }, warnings: [] })]);
    expect(error.message).toContain(theirs);
  });

  it('a server’s refusal of a bad value is "failed", with its status, and not "refused"', async () => {
    const groupId = rfc.sandbox.store.ids('Groups')[0]!;
    const journal = `${rfc.journal}.400`;
    const error = await failure(sendEdit(rfc.client, await previewEdit(rfc.client, 'Groups', groupId, { operations: [{ op: 'replace', path: 'displayName', value: ' ' }] }), { journal }));
    expect(error.details?.status).toBe(400);
    const { entries } = await readChangeJournal(journal);
    expect(entries).toEqual([expect.objectContaining({ outcome: 'failed', responseStatus: 400, error: { code: error.code, message: error.message }, warnings: [] })]);
  });

  it('a connection cut mid-write says to reload the user or the group, and journals unknown', async () => {
    const t = await open('rfc', { users: 10 });
    const userId = plainUserIds(t.sandbox)[3]!;
    const groupId = groupWithMembers(t, 1);
    const cases: [string, EditPreview][] = [
      ['user', await previewEdit(t.client, 'Users', userId, { operations: [{ op: 'replace', path: 'title', value: 'Cut' }] })],
      ['group', await previewEdit(t.client, 'Groups', groupId, { operations: [{ op: 'replace', path: 'displayName', value: 'Cut Group' }] })],
    ];
    for (const [noun, preview] of cases) {
      t.sandbox.setFaults({ resetEvery: 1 });
      const error = await failure(sendEdit(t.client, preview, { journal: t.journal }));
      t.sandbox.setFaults({});
      expect(error.code).toBe('network');
      expect(error.message).toMatch(new RegExp(` The PATCH may or may not have been applied: reload the ${noun} to see before trying again\\.$`));
    }
    const { entries } = await readChangeJournal(t.journal);
    expect(entries.map((e) => [e.outcome, e.warnings])).toEqual([
      ['unknown', []],
      ['unknown', []],
    ]);
  });

  it('cancelled while the PATCH is on its way: it may have landed, so it is journalled unknown and the admin told to look', { timeout: 60_000 }, async () => {
    const t = await open('rfc', { users: 10 });
    const id = plainUserIds(t.sandbox)[0]!;
    const preview = await previewEdit(t.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'In Flight' }] });
    // The server holds each request a while; the admin cancels once the PATCH has reached it.
    t.sandbox.setFaults({ latencyMs: 2_000 });
    const controller = new AbortController();
    const sending = failure(sendEdit(t.client, preview, { journal: t.journal, signal: controller.signal }));
    while ((t.sandbox.stats().byMethod.PATCH ?? 0) === 0) await new Promise((done) => setTimeout(done, 10));
    controller.abort();
    const error = await sending;
    t.sandbox.setFaults({});
    expect(error.code).toBe('cancelled');
    expect(error.message).toBe('The operation was cancelled. The PATCH may or may not have been applied: reload the user to see before trying again.');
    expect(error.details).toMatchObject({ sent: 'unknown' });
    const { entries } = await readChangeJournal(t.journal);
    expect(entries).toEqual([expect.objectContaining({ id, outcome: 'unknown', responseStatus: null, error: { code: 'cancelled', message: 'The operation was cancelled.' } })]);
  });

  it('412 when cancelled: the fresh read is cancelled, no new preview is made from it', async () => {
    const t = await open('rfc', { users: 10 });
    const id = plainUserIds(t.sandbox)[4]!;
    const preview = await previewEdit(t.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'Late' }] });
    await t.other.patch('Users', id, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'nickName', value: 'first' }] });
    const controller = new AbortController();
    const stop = t.client.transport.log.subscribe((entry) => {
      if (entry.method === 'PATCH' && entry.status === 412) controller.abort();
    });
    try {
      expect((await failure(sendEdit(t.client, preview, { journal: t.journal, signal: controller.signal }))).code).toBe('cancelled');
    } finally {
      stop();
    }
  });
});

describe('412 with hand-written operations', () => {
  it('keeps them as written (not re-diffed) when they still apply', async () => {
    const id = plainUserIds(rfc.sandbox)[6]!;
    // One path-less replace of two attributes: a diff of the result would be two path operations.
    const written = [{ op: 'replace', value: { title: 'As Written', displayName: 'Written Name' } }];
    const preview = await previewEdit(rfc.client, 'Users', id, { operations: written });
    await rfc.other.patch('Users', id, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'nickName', value: 'meanwhile' }] });
    const outcome = await sendEdit(rfc.client, preview, { journal: rfc.journal });
    expect(outcome.status).toBe('conflict');
    if (outcome.status !== 'conflict') return;
    expect(outcome.newPreview.request.body).toEqual({ schemas: [PATCH_OP], Operations: written });
    expect(outcome.newPreview.after).toMatchObject({ title: 'As Written', displayName: 'Written Name', nickName: 'meanwhile' });
  });

  it('rebuilds the edit on the fresh resource when one of them no longer applies (its filter matches nothing now)', async () => {
    const id = plainUserIds(rfc.sandbox)[7]!;
    const before = await rfc.client.get('Users', id);
    const preview = await previewEdit(rfc.client, 'Users', id, { operations: [{ op: 'remove', path: 'emails[type eq "work"].primary' }, { op: 'replace', path: 'title', value: 'Kept Title' }] }, { before });
    // Meanwhile the work address becomes a home one: the filter matches no item any more.
    const emails = (before.emails as { value: string; type: string }[]).map((e) => ({ ...e, type: 'home' }));
    await rfc.other.patch('Users', id, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'emails', value: emails }] });
    const outcome = await sendEdit(rfc.client, preview, { journal: rfc.journal });
    expect(outcome.status).toBe('conflict');
    if (outcome.status !== 'conflict') return;
    const operations = (outcome.newPreview.request.body as { Operations: { path?: string }[] }).Operations;
    expect(operations).toContainEqual({ op: 'replace', path: 'title', value: 'Kept Title' });
    expect(operations.map((o) => o.path)).not.toContain('emails[type eq "work"].primary');
    expect(outcome.newPreview.before.emails).toEqual(emails);
  });
});

describe('a form the server does not implement (501 / 405)', () => {
  it('names each form offered and why a PUT is not, in the message', async () => {
    const t = await open('omission');
    await t.client.discover();
    await t.client.list('Groups');
    const id = groupWithMembers(t, 2);
    const before = await t.client.get<ScimGroup>('Groups', id);
    const gone = before.members?.[0]?.value as string;
    const preview = await previewEdit(t.client, 'Groups', id, { operations: [{ op: 'remove', path: `members[value eq "${gone}"]` }] }, { before });
    // The re-read for a PUT fails (a client that does not retry; the sandbox answers 500).
    const client = noRetries(t);
    t.sandbox.setFaults({ serverErrorBurst: { every: 2, length: 1, status: 500 } });
    const error = await failure(sendEdit(client, preview, { journal: t.journal }));
    t.sandbox.setFaults({});
    await client.close();
    expect(error.code).toBe('not-supported');
    expect(error.details).toMatchObject({ status: 501, sent: false, alternatives: [expect.objectContaining({ label: expect.stringMatching(/^remove members by value array/) })] });
    expect(error.message).toMatch(
      /\(501 Not Implemented\).* Forms this server may accept instead, each to preview and confirm: remove members by value array \(\{"op":"remove","path":"members","value":\[\{"value":…\}\]\}\)\. No PUT is offered: the resource could not be read again to build one\.$/,
    );
    // Both forms offered: joined with "; ", and no notes after them.
    const plain = await failure(sendEdit(t.client, preview, { journal: t.journal }));
    expect(plain.message).toMatch(/ Forms this server may accept instead, each to preview and confirm: remove members by value array \(.*\); PUT \(full replace, built from the resource as the server holds it now\)\.$/);
  });

  it('a PUT refused (Mittr has none) says no other form is offered', async () => {
    const t = await open('mittr');
    const id = plainUserIds(t.sandbox)[0]!;
    const before = await t.client.get('Users', id);
    const preview = await previewEdit(t.client, 'Users', id, { edited: { ...before, displayName: 'Put Name' } }, { before, vendor: 'mittr', method: 'PUT' });
    const error = await failure(sendEdit(t.client, preview, { journal: t.journal }));
    expect(error.code).toBe('not-supported');
    expect(error.details).toMatchObject({ status: 405, sent: false, alternatives: [] });
    expect(error.message).toMatch(/\(405 Method Not Allowed\).* No other form of this change is offered\.$/);
    const { entries } = await readChangeJournal(t.journal);
    expect(entries).toEqual([expect.objectContaining({ outcome: 'failed', responseStatus: 405, warnings: [] })]);
  });
});
