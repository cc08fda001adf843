// The core functions behind shared/channels/create.ts: creates and group deletes through the edit
// core (electron/core/edit/create.ts), journalled in the same change journal as edits, and each
// verified outcome published as 'resource.changed' (the new resource; null for a deleted group) so
// the grid and the detail pane show it at once.

import type { CREATE_CHANNELS } from '../../../../shared/channels/create';
import { previewCreate, previewDelete, sendCreate, sendDelete } from '../../edit/create';
import { changeJournalPath } from '../../edit/index';
import { publishChange } from '../changes';
import type { FunctionsFor } from '../functions';
import { profileFacts } from './edit';

export const createFunctions: FunctionsFor<typeof CREATE_CHANNELS> = {
  'create.preview': async (ctx, { profileId, kind, resource }) => {
    const { client } = await ctx.sessions.session(profileId);
    const facts = await profileFacts(ctx, profileId);
    return previewCreate(client, kind, resource, { vendor: facts.vendor, headers: facts.headers });
  },
  'create.send': async (ctx, { profileId, preview }) => {
    const { client } = await ctx.sessions.session(profileId);
    const facts = await profileFacts(ctx, profileId);
    const outcome = await sendCreate(client, preview, { vendor: facts.vendor, headers: facts.headers }, { journal: changeJournalPath(ctx.dataDir), profile: facts.name });
    publishChange(ctx, { profileId, kind: outcome.preview.kind, id: outcome.resource.id, resource: outcome.resource, cause: 'create' });
    return outcome;
  },
  'delete.preview': async (ctx, { profileId, id }) => {
    const { client } = await ctx.sessions.session(profileId);
    const facts = await profileFacts(ctx, profileId);
    return previewDelete(client, id, { vendor: facts.vendor, headers: facts.headers });
  },
  'delete.send': async (ctx, { profileId, preview }) => {
    const { client } = await ctx.sessions.session(profileId);
    const facts = await profileFacts(ctx, profileId);
    const outcome = await sendDelete(client, preview, { journal: changeJournalPath(ctx.dataDir), profile: facts.name });
    publishChange(ctx, { profileId, kind: 'Groups', id: outcome.preview.id, resource: null, cause: 'delete' });
    return outcome;
  },
};
