// The core functions behind shared/channels/edit.ts, one per channel (plain Node, no electron).
// Previews and sends go through the edit core (electron/core/edit); the journal is the data
// folder's changes.jsonl. The profile's vendor and extra headers pick the PatchOp dialect.

import { existsSync } from 'node:fs';
import type { EDIT_CHANNELS, EditJournalView } from '../../../../shared/channels/edit';
import type { SendOutcome } from '../../../../shared/edit';
import type { ScimResource } from '../../../../shared/scim';
import { publishChange } from '../changes';
import { changeJournalPath, checkEditChange, checkEditPreview, previewEdit, readChangeJournal, sendEdit, sendReplace } from '../../edit/index';
import type { AppContext } from '../context';
import { restoreUnchanged } from '../redaction';
import { REDACTED } from '../../secrets/index';
import type { EditChange } from '../../edit/preview';
import type { FunctionsFor } from '../functions';
import { SANDBOX_PROFILE_ID } from '../sessions';
import { belongsTo, tenantKey, tenantName, tenantOf } from '../tenant';

/** What the write features need to know about a profile besides its client (never the token). */
export interface ProfileFacts {
  name: string;
  vendor: string | null;
  headers: Record<string, string>;
  readOnly: boolean;
  /** Users this profile never deactivates (break-glass accounts). */
  protectedUsers: string[];
}

export async function profileFacts(ctx: AppContext, profileId: string): Promise<ProfileFacts> {
  if (profileId === SANDBOX_PROFILE_ID) {
    await ctx.sessions.session(profileId); // starts the demo tenant, so its vendor is known
    return { name: 'sandbox', vendor: ctx.sessions.sandboxStatus().vendor, headers: {}, readOnly: false, protectedUsers: [] };
  }
  const saved = ctx.profiles;
  if (!saved) return { name: profileId, vendor: null, headers: {}, readOnly: false, protectedUsers: [] };
  const connection = await saved.resolve(profileId);
  const name = saved.list().find((p) => p.id === profileId)?.name ?? profileId;
  return { name, vendor: connection.vendor ?? null, headers: connection.headers ?? {}, readOnly: connection.readOnly === true, protectedUsers: connection.protectedUsers ?? [] };
}

/**
 * The change journal as the Journal page shows it: the open tenant's writes, or every tenant's
 * with each labelled. No journal yet (nothing was ever sent from this data folder) is empty.
 */
async function changeJournal(ctx: AppContext, { profileId, all }: { profileId: string; all: boolean }): Promise<EditJournalView> {
  const path = changeJournalPath(ctx.dataDir);
  if (!existsSync(path)) return { entries: [], otherTenants: 0, tornTail: false };
  const journal = await readChangeJournal(path);
  const tenant = await tenantOf(ctx, profileId);
  const entries: EditJournalView['entries'] = [];
  let otherTenants = 0;
  for (const entry of journal.entries) {
    const current = belongsTo(tenant, entry.request.url);
    if (!current) otherTenants += 1;
    if (!current && !all) continue;
    const baseUrl = tenantKey(entry.request.url);
    entries.push({ ...entry, tenant: { baseUrl, name: current ? tenant.name : tenantName(ctx, baseUrl), current } });
  }
  return { entries, otherTenants: all ? 0 : otherTenants, tornTail: journal.tornTail };
}

/** The server's state after a send: the verified read-back, or the fresh resource a 412 brought. */
function published(ctx: AppContext, profileId: string, outcome: SendOutcome): SendOutcome {
  const { kind, id } = outcome.preview;
  if (outcome.status === 'conflict') publishChange(ctx, { profileId, kind, id, resource: outcome.fresh, cause: 'conflict' });
  else publishChange(ctx, { profileId, kind, id, resource: outcome.result, cause: 'edit' });
  return outcome;
}

export const editFunctions: FunctionsFor<typeof EDIT_CHANNELS> = {
  'edit.preview': async (ctx, { profileId, kind, id, change, before, method }) => {
    const { client } = await ctx.sessions.session(profileId);
    const facts = await profileFacts(ctx, profileId);
    let edit: EditChange = checkEditChange(change);
    let loaded = before ? (before as unknown as ScimResource) : undefined;
    if ('edited' in edit && JSON.stringify(edit.edited).includes(REDACTED)) {
      // The form showed "[redacted]" where a value equals a secret; left as it was, it means
      // the real value, which must not be replaced by the placeholder.
      loaded ??= await client.get(kind, id);
      edit = { edited: restoreUnchanged(edit.edited, loaded, ctx.redaction.secrets) };
    }
    return previewEdit(client, kind, id, edit, {
      ...(loaded ? { before: loaded } : {}),
      vendor: facts.vendor,
      headers: facts.headers,
      ...(method ? { method } : {}),
    });
  },
  'edit.send': async (ctx, { profileId, preview }) => {
    const { client } = await ctx.sessions.session(profileId);
    const facts = await profileFacts(ctx, profileId);
    return published(ctx, profileId, await sendEdit(client, checkEditPreview(preview), { journal: changeJournalPath(ctx.dataDir), profile: facts.name }));
  },
  'edit.sendReplace': async (ctx, { profileId, preview }) => {
    const { client } = await ctx.sessions.session(profileId);
    const facts = await profileFacts(ctx, profileId);
    return published(ctx, profileId, await sendReplace(client, checkEditPreview(preview), { journal: changeJournalPath(ctx.dataDir), profile: facts.name }));
  },
  'edit.journal': changeJournal,
  'edit.exportJournal': async (ctx, scope) => {
    const journal = await changeJournal(ctx, scope);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return ctx.saveFile({
      suggestedName: `scim-inspector-changes-${stamp}.json`,
      content: `${JSON.stringify(journal.entries, null, 2)}\n`,
      extensions: ['json'],
      description: 'Change journal',
    });
  },
};
