// The table columns live in shared/ now: main builds its index of the listing from them and the
// grid shows them. Re-exported here so the renderer's imports stay where they were.
export * from '../../../shared/columns';
