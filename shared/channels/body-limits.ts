// How much one call may be sent. Most calls carry a few ids and fields; three carry what an admin
// pastes or imports — the leavers' list, the values read from it, the IdP export — which for a
// 100k-user tenant is about 10 MB, and one a group's whole member list (table.absent: 50k
// members are about 2 MB). The browser-mode host enforces the byte limits (413 above
// them); the channel guards enforce the text limits.

/** Any call's request body, in bytes. */
export const DEFAULT_BODY_BYTES = 1024 * 1024;
/** The calls that carry lists and exports, in bytes (JSON escaping can double CSV text's size). */
export const BULK_BODY_BYTES = 64 * 1024 * 1024;
/** Pasted or imported CSV text, in characters: a 100k-user export with room to spare. */
export const MAX_CSV_TEXT = 32 * 1024 * 1024;

export const BULK_CHANNELS: readonly string[] = ['deactivate.parseCsv', 'deactivate.plan', 'audit.run', 'table.absent'];

export function bodyLimitFor(channel: string): number {
  return BULK_CHANNELS.includes(channel) ? BULK_BODY_BYTES : DEFAULT_BODY_BYTES;
}
