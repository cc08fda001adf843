// Channels exporting what a users or groups table shows (the current view or the selection) as
// CSV. The renderer has the rows (search, sort and the Groups column are its own); it sends them in
// chunks that fit the browser-mode body limit, and main writes them — formula guard, secrets
// redacted — to the file the host chose at begin (save dialog or export folder). The renderer never
// names a path. Implementations in electron/core/app/features/table-export.ts.

import type { ChannelDef } from '../channel-def';
import { channel } from '../channel-def';
import { oneOf, record, requiredString } from '../channel-guards';
import { InspectorError } from '../errors';
import type { SaveResult } from '../channels';

const EXPORT_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Rows per exportRows call: ~2,000 rows of a dozen short cells stay well under 1 MB. */
export const EXPORT_CHUNK_ROWS = 2_000;
const MAX_COLUMNS = 40;
const MAX_CELL = 8_192;

function cells(value: unknown, field: string, max: number): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > max || !value.every((c) => typeof c === 'string' && c.length <= MAX_CELL)) {
    throw new InspectorError('invalid-input', `The request field "${field}" must be a list of 1 to ${max} strings.`, { field });
  }
  return value as string[];
}

export const TABLE_EXPORT_CHANNELS = {
  /** Asks the host where the file goes; exportId null when the admin cancelled the dialog. */
  'tableExport.begin': channel<{ exportId: string | null }>()((input) => {
    const r = record(input, 'tableExport.begin');
    return {
      profileId: requiredString(r.profileId, 'profileId'),
      kind: oneOf(r.kind, ['Users', 'Groups'] as const, 'kind') ?? ('Users' as const),
      scope: oneOf(r.scope, ['view', 'selection'] as const, 'scope') ?? ('view' as const),
      header: cells(r.header, 'header', MAX_COLUMNS),
      /** Start the file with a UTF-8 byte order mark (the UI's "For Excel"). */
      bom: r.bom === true,
    };
  }),
  /** The next rows, in order; each as many cells as the header. */
  'tableExport.rows': channel<{ rows: number }>()((input) => {
    const r = record(input, 'tableExport.rows');
    if (!Array.isArray(r.rows) || r.rows.length > EXPORT_CHUNK_ROWS) {
      throw new InspectorError('invalid-input', `Send at most ${EXPORT_CHUNK_ROWS} rows per call.`, { field: 'rows' });
    }
    return { exportId: requiredString(r.exportId, 'exportId', EXPORT_ID), rows: r.rows.map((row, i) => cells(row, `rows[${i}]`, MAX_COLUMNS)) };
  }),
  /** Puts the file in place and says where it went. */
  'tableExport.end': channel<SaveResult & { rows: number }>()((input) => ({ exportId: requiredString(record(input, 'tableExport.end').exportId, 'exportId', EXPORT_ID) })),
  /** Drops an export begun but not ended: no file is left. */
  'tableExport.cancel': channel<{ cancelled: boolean }>()((input) => ({ exportId: requiredString(record(input, 'tableExport.cancel').exportId, 'exportId', EXPORT_ID) })),
} satisfies Record<string, ChannelDef<unknown, unknown>>;
