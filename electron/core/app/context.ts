// What every core function behind a channel receives: facts about the host, a way to push events,
// a way to save a file that the *host* chooses (Electron: a save dialog in main; browser mode: a
// downloads folder), and the sessions. No electron import: the same functions serve IPC and HTTP.

import type { HostMode, SaveResult } from '../../../shared/channels';
import type { SavedProfiles } from './saved-profiles';
import { userDataDir } from '../profiles/paths';
import { Sessions, type Emit, type SessionsOptions } from './sessions';
import { RendererRedaction } from './redaction';

export interface SaveFileRequest {
  /** A file name only; the host decides the folder (the renderer never names a path). */
  suggestedName: string;
  content: string;
  /** Extensions for the dialog filter, without dots. */
  extensions: string[];
  description: string;
}

/** What a host needs to ask where a big export goes (the file itself is then streamed by the core). */
export type SavePathRequest = Omit<SaveFileRequest, 'content'>;

/**
 * Asks the host for a path to write a large export to (Electron: the save dialog in main; browser
 * mode: a new file in the export folder, never an existing one). null: the admin cancelled.
 */
export type ChooseSavePath = (request: SavePathRequest) => Promise<string | null>;

/** What a host's open dialog is asked for (a PEM file for a profile's TLS settings). */
export interface OpenFileRequest {
  title: string;
  /** Extensions for the dialog filter, without dots. */
  extensions: string[];
  description: string;
}

/** The host's open dialog (Electron: in main); null: the admin cancelled. The renderer never names the path. */
export type ChooseOpenPath = (request: OpenFileRequest) => Promise<string | null>;

export interface AppContext {
  readonly app: { name: string; version: string; mode: HostMode; platform: string };
  readonly emit: Emit;
  readonly saveFile: (request: SaveFileRequest) => Promise<SaveResult>;
  /** For exports too big for saveFile's string (CSV of 100k users): absent, use saveFile. */
  readonly choosePath: ChooseSavePath | null;
  /** The open dialog for a file main reads (desktop app); absent in browser mode, where the page uploads the file's text. */
  readonly chooseOpenFile: ChooseOpenPath | null;
  readonly sessions: Sessions;
  /** Saved profiles, when the host has a profile store and a vault (absent: only the demo). */
  readonly profiles: SavedProfiles | null;
  /** The app's data folder (journals, snapshots); SCIM_INSPECTOR_HOME or the OS user-data dir. */
  readonly dataDir: string;
  /**
   * The secrets of every open connection, applied to all that crosses to the renderer (answers,
   * events, saved files) and undone on what comes back to be written (see redaction.ts).
   */
  readonly redaction: RendererRedaction;
}

export interface AppContextOptions extends Omit<SessionsOptions, 'emit' | 'resolveProfile'> {
  profiles?: SavedProfiles;
  /** Defaults to userDataDir() (honours SCIM_INSPECTOR_HOME). */
  dataDir?: string;
  mode: HostMode;
  version: string;
  emit: Emit;
  saveFile: (request: SaveFileRequest) => Promise<SaveResult>;
  choosePath?: ChooseSavePath;
  chooseOpenFile?: ChooseOpenPath;
}

export function createAppContext(options: AppContextOptions): AppContext & { close(): Promise<void> } {
  const redaction = new RendererRedaction();
  // Pushed events (listing pages, request-log entries, progress) cross to the renderer too.
  const emit: Emit = (event, payload) => options.emit(event, redaction.outbound(payload));
  const sessions = new Sessions({
    emit,
    secrets: redaction.secrets,
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
    ...(options.profiles ? { resolveProfile: options.profiles.resolve } : {}),
  });
  return {
    app: { name: 'SCIM Inspector', version: options.version, mode: options.mode, platform: process.platform },
    emit,
    // A saved file is an export: it gets the same redaction as what the renderer shows.
    saveFile: (request) => options.saveFile({ ...request, content: redaction.secrets.text(request.content) }),
    choosePath: options.choosePath ?? null,
    chooseOpenFile: options.chooseOpenFile ?? null,
    sessions,
    profiles: options.profiles ?? null,
    dataDir: options.dataDir ?? userDataDir(),
    redaction,
    close: () => sessions.close(),
  };
}
