// Channels of creating users and groups and deleting groups (shared/create.ts), behind previews:
// nothing is sent by a preview; a send takes the confirmed preview back, and the core checks it
// again (the create's required fields from the profile's vendor). Implementation in
// electron/core/app/features/create.ts.

import type { ChannelDef } from '../channel-def';
import { channel } from '../channel-def';
import { oneOf, record, requiredString } from '../channel-guards';
import type { CreateOutcome, CreatePreview, DeleteOutcome, DeletePreview } from '../create';
import { InspectorError } from '../errors';

function object(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InspectorError('invalid-input', `The request field "${field}" must be an object.`, { field });
  }
  return value as Record<string, unknown>;
}

export const CREATE_CHANNELS = {
  /** The POST as it will go out, what the vendor requires (missing) and will drop. Sends nothing. */
  'create.preview': channel<CreatePreview>()((input) => {
    const r = record(input, 'create.preview');
    return { profileId: requiredString(r.profileId, 'profileId'), kind: oneOf(r.kind, ['Users', 'Groups'] as const, 'kind') ?? ('Users' as const), resource: object(r.resource, 'resource') };
  }),
  /** Sends a confirmed create; the new resource is read back by its id. */
  'create.send': channel<CreateOutcome>()((input) => {
    const r = record(input, 'create.send');
    return { profileId: requiredString(r.profileId, 'profileId'), preview: object(r.preview, 'preview') as unknown as CreatePreview };
  }),
  /** The DELETE of a group, from the group as the server holds it now. Sends nothing. */
  'delete.preview': channel<DeletePreview>()((input) => {
    const r = record(input, 'delete.preview');
    return { profileId: requiredString(r.profileId, 'profileId'), id: requiredString(r.id, 'id') };
  }),
  /** Sends a confirmed group delete; deleted only when the server then answers 404. */
  'delete.send': channel<DeleteOutcome>()((input) => {
    const r = record(input, 'delete.send');
    return { profileId: requiredString(r.profileId, 'profileId'), preview: object(r.preview, 'preview') as unknown as DeletePreview };
  }),
} satisfies Record<string, ChannelDef<unknown, unknown>>;
