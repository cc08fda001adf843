// The profile store: one profiles.json in the user-data directory, written through `conf` in Node
// hosts and electron-store in the app (same file, same schema). Every call re-reads the file, so
// the CLI and a running app see each other's changes. A corrupt file is backed up next to it
// (profiles.json.corrupt-<time>) and reported in `notices` — never silently reset.

import { randomUUID } from 'node:crypto';
import { copyFileSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { InspectorError } from '../../../shared/errors';
import { readProfilesDocument, type ReadResult } from './migrate';
import { PROFILES_CONFIG_NAME, PROFILES_FILE_NAME, userDataDir } from './paths';
import type { ObservedFacts } from '../../../shared/observed';
import { PROFILES_SCHEMA_VERSION, type Profile, type ProfileInput, type ProfilesDocument } from './types';
import { checkProfileConsistency, validateProfileInput } from './validate';

/** What conf and electron-store both offer: the file path and a whole-document get/set. */
export interface ProfileStoreBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

export interface ProfileStoreOptions {
  /** Directory of profiles.json; default SCIM_INSPECTOR_HOME or the OS user-data directory. */
  dir?: string;
  /** The app passes an electron-store here ({ name: 'profiles', cwd: dir }); default conf. */
  createBackend?: (dir: string) => ProfileStoreBackend;
}

export interface ProfileStore {
  readonly path: string;
  /** Migration and corruption reports since the store was opened; hosts show them to the admin. */
  readonly notices: readonly string[];
  list(): Profile[];
  get(id: string): Profile;
  /** Case-insensitive; throws profile-not-found listing the names that exist. */
  getByName(name: string): Profile;
  add(input: unknown): Profile;
  update(id: string, patch: unknown): Profile;
  remove(id: string): Profile;
  /** Records (or clears, with null) when the profile's token was stored in the keychain. */
  setTokenSetAt(id: string, at: string | null): Profile;
  /** Forgets where a pre-schema-3 token was bound (it was moved to a bound account, or deleted). */
  clearLegacyTokenOrigin(id: string): Profile;
  /** Records (or clears, with null) what the behaviour probe saw the profile's server do. */
  setObserved(id: string, facts: ObservedFacts | null): Profile;
}

/** Optional fields an update clears with null (back to the default). */
const CLEARABLE = ['pageSize', 'concurrency', 'auth', 'secretHeaders', 'proxy', 'tls'] as const;

function confBackend(dir: string): ProfileStoreBackend {
  // 0o600: extra headers can be API keys of their own, so the file is the user's alone.
  return new Conf<Record<string, unknown>>({ cwd: dir, configName: PROFILES_CONFIG_NAME, projectName: 'scim-inspector', configFileMode: 0o600 });
}

function backupName(path: string): string {
  return `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
}

export function createProfileStore(options: ProfileStoreOptions = {}): ProfileStore {
  const dir = options.dir ?? userDataDir();
  const path = join(dir, PROFILES_FILE_NAME);
  const notices: string[] = [];
  let backend: ProfileStoreBackend | null = null;

  function write(doc: ProfilesDocument): void {
    backend ??= (options.createBackend ?? confBackend)(dir);
    backend.store = { schemaVersion: doc.schemaVersion, profiles: doc.profiles };
  }

  /** Copies (or, for an unparseable file, moves) profiles.json aside before it is rewritten. */
  function backUp(reason: string, move: boolean): string {
    const target = backupName(path);
    try {
      // Moving an unparseable file also keeps conf/electron-store from choking on it when opened.
      if (move) renameSync(path, target);
      else copyFileSync(path, target);
    } catch (error) {
      throw new InspectorError('io', `profiles.json is unreadable (${reason}) and could not be backed up to ${target}; move it aside yourself and retry.`, {
        path,
        cause: error instanceof Error ? error.message : String(error),
      });
    }
    return target;
  }

  /** Reads, migrates and validates the file; repairs it (after a backup) when it has to. */
  function read(): ProfilesDocument {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { schemaVersion: PROFILES_SCHEMA_VERSION, profiles: [] };
      throw new InspectorError('io', `Cannot read ${path}: ${(error as Error).message}. Check the file's permissions.`, { path });
    }
    let result: ReadResult;
    try {
      result = readProfilesDocument(JSON.parse(text) as unknown);
    } catch (error) {
      if (error instanceof InspectorError && error.details?.newerVersion !== undefined) throw error;
      const reason = error instanceof SyntaxError ? `not valid JSON: ${error.message}` : (error as Error).message;
      const target = backUp(reason, true);
      notices.push(`profiles.json could not be read (${reason}). It was backed up to ${target} and the profile list starts empty; restore profiles from the backup by hand if you need them.`);
      const empty: ProfilesDocument = { schemaVersion: PROFILES_SCHEMA_VERSION, profiles: [] };
      write(empty);
      return empty;
    }
    notices.push(...result.notices);
    if (result.dropped > 0) {
      const target = backUp(`${result.dropped} unreadable profile(s)`, false);
      notices.push(`The original profiles.json was backed up to ${target} before the unreadable entries were left out.`);
      write(result.document);
    } else if (result.fromVersion !== PROFILES_SCHEMA_VERSION) {
      write(result.document);
    }
    return result.document;
  }

  function find(doc: ProfilesDocument, id: string): Profile {
    const profile = doc.profiles.find((p) => p.id === id);
    if (!profile) throw new InspectorError('profile-not-found', `No profile has the id ${id}; it may have been removed in another window.`, { id });
    return profile;
  }

  function assertUniqueName(doc: ProfilesDocument, name: string, exceptId?: string): void {
    const clash = doc.profiles.find((p) => p.id !== exceptId && p.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new InspectorError('invalid-input', `A profile named "${clash.name}" already exists; pick another name or edit that one.`, { name });
  }

  // Open eagerly so corruption is reported (and backed up) when the host starts, not mid-action.
  read();

  return {
    path,
    notices,
    list: () => read().profiles,
    get: (id) => find(read(), id),
    getByName(name) {
      const profiles = read().profiles;
      const wanted = name.trim().toLowerCase();
      const profile = profiles.find((p) => p.name.toLowerCase() === wanted);
      if (!profile) {
        const known = profiles.map((p) => p.name).join(', ');
        throw new InspectorError(
          'profile-not-found',
          `No profile named "${name.trim()}". ${known ? `Saved profiles: ${known}.` : 'There are no saved profiles yet;'} Add one with \`scim-inspector profiles add NAME --url URL\`.`,
          { name },
        );
      }
      return profile;
    },
    add(input) {
      const valid = validateProfileInput(input, false) as ProfileInput;
      const doc = read();
      assertUniqueName(doc, valid.name);
      const now = new Date().toISOString();
      const profile: Profile = {
        id: randomUUID(),
        name: valid.name,
        baseUrl: valid.baseUrl,
        headers: valid.headers ?? {},
        readOnly: valid.readOnly ?? false,
        vendor: valid.vendor ?? 'generic',
        protectedUsers: valid.protectedUsers ?? [],
        createdAt: now,
        updatedAt: now,
      };
      if (valid.production === true) profile.production = true;
      if (valid.pageSize !== undefined) profile.pageSize = valid.pageSize;
      if (valid.concurrency !== undefined) profile.concurrency = valid.concurrency;
      for (const key of ['auth', 'secretHeaders', 'proxy', 'tls'] as const) if (valid[key] !== undefined) Object.assign(profile, { [key]: valid[key] });
      checkProfileConsistency(profile);
      write({ ...doc, profiles: [...doc.profiles, profile] });
      return profile;
    },
    update(id, patch) {
      const valid = validateProfileInput(patch, true);
      const doc = read();
      const current = find(doc, id);
      if (valid.name !== undefined) assertUniqueName(doc, valid.name, id);
      const next: Profile = { ...current, ...valid, updatedAt: new Date().toISOString() };
      // null in an update clears an optional override (back to the client's default).
      const raw = patch as Record<string, unknown>;
      for (const key of CLEARABLE) if (raw[key] === null) delete next[key];
      checkProfileConsistency(next);
      // Facts describe the server they were seen on, not the next one.
      if (next.baseUrl !== current.baseUrl) delete next.observed;
      write({ ...doc, profiles: doc.profiles.map((p) => (p.id === id ? next : p)) });
      return next;
    },
    remove(id) {
      const doc = read();
      const profile = find(doc, id);
      write({ ...doc, profiles: doc.profiles.filter((p) => p.id !== id) });
      return profile;
    },
    setObserved(id, facts) {
      const doc = read();
      const current = find(doc, id);
      const next: Profile = { ...current };
      if (facts === null) delete next.observed;
      else next.observed = facts;
      write({ ...doc, profiles: doc.profiles.map((p) => (p.id === id ? next : p)) });
      return next;
    },
    setTokenSetAt(id, at) {
      const doc = read();
      const current = find(doc, id);
      const next: Profile = { ...current, updatedAt: new Date().toISOString() };
      if (at === null) delete next.tokenSetAt;
      else next.tokenSetAt = at;
      write({ ...doc, profiles: doc.profiles.map((p) => (p.id === id ? next : p)) });
      return next;
    },
    clearLegacyTokenOrigin(id) {
      const doc = read();
      const current = find(doc, id);
      if (current.legacyTokenOrigin === undefined) return current;
      const next: Profile = { ...current };
      delete next.legacyTokenOrigin;
      write({ ...doc, profiles: doc.profiles.map((p) => (p.id === id ? next : p)) });
      return next;
    },
  };
}
