// Sending edits: previews of one PATCH (or the PUT fallback) with the exact request, the send with
// If-Match / 412 rebase / 409 explanation / read-back verification, and the change journal.

export { previewEdit, planPreview, replacePreview, type EditChange, type EditTarget, type PreviewOptions } from './preview';
export { sendEdit, sendReplace, type SendOptions } from './send';
export { checkEditChange, checkEditPreview } from './guard';
export { explainEditConflict, type Collision } from './collision';
export { CHANGE_JOURNAL_FILE, changeJournalPath, currentUser, readChangeJournal, type ChangeJournal, type ChangeIntentRecord, type ChangeResultRecord, type ChangeRecord } from './journal';
