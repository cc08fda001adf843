// The change journal: every edit write, as two fsync'ed JSON lines in an append-only file — the
// intent (who, profile, the redacted request, before and the confirmed prediction) before a byte
// is sent, and the result (status, outcome, the resource read back) after. A crash between the two
// leaves an intent without a result, shown as "interrupted": the write may or may not have landed.

import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { InspectorError } from '../../../shared/errors';
import type { ChangeJournalEntry, ChangeOutcome, EditPreview, EditRequest } from '../../../shared/edit';
import type { ResourceKind, ScimResource } from '../../../shared/scim';
import { PRIVATE_DIR_MODE } from '../io/private-files';
import { openJournal, readJournal, type JournalRecordBase, type JournalWriter } from '../journal/journal';

export const CHANGE_JOURNAL_FILE = 'changes.jsonl';

/** The change journal in the app's data directory (the caller knows where that is). */
export function changeJournalPath(dataDir: string): string {
  return join(dataDir, CHANGE_JOURNAL_FILE);
}

export interface ChangeIntentRecord {
  type: 'change-intent';
  changeId: string;
  who: string;
  profile: string | null;
  kind: ResourceKind;
  id: string;
  request: EditRequest;
  before: ScimResource;
  expected: ScimResource;
}

export interface ChangeResultRecord {
  type: 'change-result';
  changeId: string;
  status: number | null;
  outcome: Exclude<ChangeOutcome, 'interrupted'>;
  after: ScimResource | null;
  error: { code: string; message: string } | null;
  warnings: string[];
}

export type ChangeRecord = ChangeIntentRecord | ChangeResultRecord;

/** The OS account running the app; the journal's "who". `account` is the OS's answer (tests pass a failing one). */
export function currentUser(env: NodeJS.ProcessEnv = process.env, account: () => { username: string } = userInfo): string {
  try {
    return account().username;
  } catch {
    // userInfo throws when the uid has no passwd entry (some containers); the login name in the
    // environment is then the best available answer, and "unknown" says so honestly.
    return env.USER ?? env.USERNAME ?? 'unknown';
  }
}

export interface OpenedChange {
  changeId: string;
  journal: JournalWriter<ChangeRecord>;
  finish(result: Omit<ChangeResultRecord, 'type' | 'changeId'>): Promise<void>;
}

/** Opens the journal (creating its directory) and records the intent; nothing is sent before this. */
export function recordIntent(path: string, preview: EditPreview, profile: string | null): Promise<OpenedChange> {
  return recordWrite(path, { kind: preview.kind, id: preview.id, request: preview.request, before: preview.before, expected: preview.after }, profile);
}

/** What a journalled write is about to do (a create has no id yet: ""; a delete expects no resource). */
export type WriteIntent = Pick<ChangeIntentRecord, 'kind' | 'id' | 'request' | 'before' | 'expected'>;

/** recordIntent for any write: edits, creates and deletes share one journal and one format. */
export async function recordWrite(path: string, intent: WriteIntent, profile: string | null): Promise<OpenedChange> {
  try {
    // A folder created here is owner-only (the journal holds people's data); an existing one keeps its mode.
    await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InspectorError('io', `Cannot create the folder for the change journal ${path}: ${reason}. Choose a writable location; nothing was sent.`, { file: path });
  }
  const journal = await openJournal<ChangeRecord>(path);
  const changeId = randomUUID();
  try {
    await journal.append({
      type: 'change-intent',
      changeId,
      who: currentUser(),
      profile,
      ...intent,
    });
  } catch (error) {
    await journal.close();
    throw error;
  }
  return {
    changeId,
    journal,
    finish: async (result) => {
      try {
        await journal.append({ type: 'change-result', changeId, ...result });
      } finally {
        await journal.close();
      }
    },
  };
}

export interface ChangeJournal {
  entries: ChangeJournalEntry[];
  /** The last line was cut short by a crash and is not in entries. */
  tornTail: boolean;
}

/** Reads the change journal for the Journal view and export, newest last. */
export async function readChangeJournal(path: string): Promise<ChangeJournal> {
  const { records, tornTail } = await readJournal(path, isChangeRecord);
  const entries: ChangeJournalEntry[] = [];
  const byId = new Map<string, ChangeJournalEntry>();
  for (const record of records) {
    if (record.type === 'change-intent') {
      const entry: ChangeJournalEntry = {
        changeId: record.changeId,
        at: record.at,
        finishedAt: null,
        who: record.who,
        profile: record.profile,
        kind: record.kind,
        id: record.id,
        request: record.request,
        responseStatus: null,
        outcome: 'interrupted',
        before: record.before,
        expected: record.expected,
        after: null,
        error: null,
        warnings: [],
      };
      entries.push(entry);
      byId.set(record.changeId, entry);
      continue;
    }
    const entry = byId.get(record.changeId);
    if (!entry) throw new InspectorError('invalid-input', `${path}: a result for change ${record.changeId} has no intent before it; the journal was edited.`, { file: path });
    Object.assign(entry, { finishedAt: record.at, responseStatus: record.status, outcome: record.outcome, after: record.after, error: record.error, warnings: record.warnings });
  }
  return { entries, tornTail };
}

const OUTCOMES: readonly string[] = ['applied', 'partially-applied', 'precondition-failed', 'conflict', 'refused', 'failed', 'unknown', 'not-sent'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isResource(value: unknown): value is ScimResource {
  return isObject(value) && typeof value.id === 'string';
}

function isChangeRecord(value: unknown): value is ChangeRecord & JournalRecordBase {
  if (!isObject(value) || value.v !== 1 || typeof value.at !== 'string' || typeof value.changeId !== 'string') return false;
  if (value.type === 'change-intent') {
    return (
      typeof value.who === 'string' &&
      (value.profile === null || typeof value.profile === 'string') &&
      (value.kind === 'Users' || value.kind === 'Groups') &&
      typeof value.id === 'string' &&
      isObject(value.request) &&
      isResource(value.before) &&
      isResource(value.expected)
    );
  }
  if (value.type === 'change-result') {
    return (
      (value.status === null || typeof value.status === 'number') &&
      typeof value.outcome === 'string' &&
      OUTCOMES.includes(value.outcome) &&
      (value.after === null || isResource(value.after)) &&
      (value.error === null || isObject(value.error)) &&
      Array.isArray(value.warnings)
    );
  }
  return false;
}
