// Channels of edits through PatchOp previews and the change journal. Each entry: 'feature.method': channel<Response>()(parse).
// Spread into CHANNELS in shared/channels.ts; implementations in electron/core/app/features/edit.ts.
// Previews travel to the renderer and back: the core checks them again (checkEditPreview) before
// anything is sent, so the parse here only narrows the envelope.

import type { ChannelDef } from '../channel-def';
import { channel } from '../channel-def';
import { oneOf, record, requiredString } from '../channel-guards';
import { InspectorError } from '../errors';
import type { ChangeJournalEntry, EditPreview, SendOutcome } from '../edit';
import type { SaveResult } from '../channels';

const KINDS = ['Users', 'Groups'] as const;

function object(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InspectorError('invalid-input', `The request field "${field}" must be an object.`, { field });
  }
  return value as Record<string, unknown>;
}

function sendRequest(name: string) {
  return (input: unknown) => {
    const r = record(input, name);
    // Checked in full by the edit core (checkEditPreview) before anything goes out.
    return { profileId: requiredString(r.profileId, 'profileId'), preview: object(r.preview, 'preview') as unknown as EditPreview };
  };
}

function optionalMethod(value: unknown): { method?: 'PATCH' | 'PUT' } {
  const method = oneOf(value, ['PATCH', 'PUT'] as const, 'method');
  return method ? { method } : {};
}

/** Where a journalled write went, for the Journal page (which shows the open tenant's first). */
export interface TenantRef {
  /** The tenant's base URL. */
  baseUrl: string;
  /** The saved profile's name for it, else the URL. */
  name: string;
  /** The open profile's tenant. */
  current: boolean;
}

export interface EditJournalView {
  entries: (ChangeJournalEntry & { tenant: TenantRef })[];
  /** Entries of other tenants left out (all: false). */
  otherTenants: number;
  /** The journal's last line was cut short by a crash and is not shown. */
  tornTail: boolean;
}

/** The open profile, and whether other tenants' history is asked for too. */
export function tenantScope(input: unknown, channel: string): { profileId: string; all: boolean } {
  const r = record(input, channel);
  return { profileId: requiredString(r.profileId, 'profileId'), all: r.all === true };
}

export const EDIT_CHANNELS = {
  /** The request exactly as it will go out, before / predicted after, warnings. Sends nothing. */
  'edit.preview': channel<EditPreview>()((input) => {
    const r = record(input, 'edit.preview');
    const change = object(r.change, 'change');
    return {
      profileId: requiredString(r.profileId, 'profileId'),
      kind: oneOf(r.kind, KINDS, 'kind') ?? ('Users' as const),
      id: requiredString(r.id, 'id'),
      /** {edited: resource} from the form or {operations: [...]} from expert mode (checked by the core). */
      change,
      /** The resource as the admin loaded it (the diff and If-Match start there); absent: GET now. */
      ...(r.before === undefined || r.before === null ? {} : { before: object(r.before, 'before') }),
      ...optionalMethod(r.method),
    };
  }),
  /** Sends a confirmed preview; conflict (412) comes back as an outcome with a new preview. */
  'edit.send': channel<SendOutcome>()(sendRequest('edit.send')),
  /** Sends the PUT offered after a partially applied PATCH (or a PUT preview). */
  'edit.sendReplace': channel<SendOutcome>()(sendRequest('edit.sendReplace')),
  /** The change journal of the open profile's tenant (all: every tenant's), newest last. */
  'edit.journal': channel<EditJournalView>()((input) => tenantScope(input, 'edit.journal')),
  /** The same entries as JSON, saved where the host chooses. */
  'edit.exportJournal': channel<SaveResult>()((input) => tenantScope(input, 'edit.exportJournal')),
} satisfies Record<string, ChannelDef<unknown, unknown>>;
