// Reading profiles.json of any known schema version: migrate step by step to the current one,
// then validate every profile. Entries that cannot be read are dropped *with a notice*; the store
// backs the original file up before it writes the repaired one, so nothing is silently lost.

import { randomUUID } from 'node:crypto';
import { InspectorError } from '../../../shared/errors';
import { PROFILES_SCHEMA_VERSION, type Profile, type ProfilesDocument } from './types';
import { validateStoredProfile } from './validate';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** migrations[n] turns a version-n document into version n+1. Add one per schema change. */
const migrations: Record<number, (doc: Json, notices: string[], now: string) => Json> = {
  // v1 (first builds): `url` and `readonly`, no vendor, protected users or timestamps.
  1: (doc, notices, now) => {
    const profiles = Array.isArray(doc.profiles) ? doc.profiles : [];
    return {
      schemaVersion: 2,
      profiles: profiles.map((entry: unknown) => {
        if (!isRecord(entry)) return entry;
        const { url, readonly, token, ...rest } = entry;
        const label = typeof entry.name === 'string' ? entry.name : '(unnamed)';
        if (token !== undefined) {
          notices.push(`Profile "${label}" had a token in the profile file; it was removed from the file. Store it in the OS keychain with \`profiles set-token ${label}\`.`);
        }
        const headers = isRecord(rest.headers) ? { ...rest.headers } : rest.headers;
        if (isRecord(headers)) {
          for (const key of Object.keys(headers)) {
            if (key.toLowerCase() === 'authorization') {
              delete headers[key];
              notices.push(`Profile "${label}" had an Authorization header; it was removed. Store the token with \`profiles set-token ${label}\`.`);
            }
          }
        }
        return {
          ...rest,
          id: typeof rest.id === 'string' ? rest.id : randomUUID(),
          baseUrl: rest.baseUrl ?? url,
          readOnly: rest.readOnly ?? readonly ?? false,
          headers: headers ?? {},
          vendor: rest.vendor ?? 'generic',
          protectedUsers: rest.protectedUsers ?? [],
          createdAt: rest.createdAt ?? now,
          updatedAt: rest.updatedAt ?? now,
        };
      }),
    };
  },
};

/** The origin of a URL, or null when it does not parse (the validator reports that). */
function originOf(url: unknown): string | null {
  try {
    return typeof url === 'string' ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

// v2 → v3: connection settings (auth scheme, secret headers, proxy, TLS) are new and optional,
// and a token in the keychain is bound to the origin of the base URL it was stored for (a v2
// profile may hold one without tokenSetAt, e.g. stored by hand, so every profile gets the binding).
migrations[2] = (doc) => {
  const profiles = Array.isArray(doc.profiles) ? doc.profiles : [];
  return {
    schemaVersion: 3,
    profiles: profiles.map((entry: unknown) => {
      if (!isRecord(entry)) return entry;
      const origin = originOf(entry.baseUrl);
      return origin ? { ...entry, legacyTokenOrigin: origin } : entry;
    }),
  };
};

export interface ReadResult {
  document: ProfilesDocument;
  notices: string[];
  /** The version the file was written in (before migration). */
  fromVersion: number;
  /** Profiles that could not be read and were left out (the caller backs the file up). */
  dropped: number;
}

function corrupt(message: string, details?: Json): InspectorError {
  return new InspectorError('profile-store-corrupt', message, details);
}

/** Migrates and validates a parsed profiles.json; throws profile-store-corrupt if unusable. */
export function readProfilesDocument(raw: unknown, now = new Date().toISOString()): ReadResult {
  if (!isRecord(raw)) throw corrupt('the file is not a JSON object');
  // Early builds wrote no version field at all.
  const version = raw.schemaVersion ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw corrupt('the schemaVersion field is not a positive whole number');
  if (version > PROFILES_SCHEMA_VERSION) {
    throw corrupt(
      `profiles.json was written by a newer SCIM Inspector (schema ${version}, this build reads up to ${PROFILES_SCHEMA_VERSION}); update the app. The file was left untouched.`,
      { newerVersion: version },
    );
  }
  if (raw.profiles !== undefined && !Array.isArray(raw.profiles)) throw corrupt('the "profiles" field is not a list');
  const notices: string[] = [];
  let doc: Json = raw;
  for (let v = version; v < PROFILES_SCHEMA_VERSION; v += 1) {
    const step = migrations[v];
    if (!step) throw corrupt(`no migration from schema ${v}`);
    doc = step(doc, notices, now);
  }
  if (version < PROFILES_SCHEMA_VERSION) notices.push(`Profiles were upgraded from schema ${version} to ${PROFILES_SCHEMA_VERSION}.`);

  const profiles: Profile[] = [];
  let dropped = 0;
  const entries = Array.isArray(doc.profiles) ? (doc.profiles as unknown[]) : [];
  entries.forEach((entry, index) => {
    try {
      const profile = validateStoredProfile(entry);
      const clash = profiles.find((p) => p.id === profile.id || p.name.toLowerCase() === profile.name.toLowerCase());
      if (clash) throw new Error(`it repeats the id or name of profile "${clash.name}"`);
      profiles.push(profile);
    } catch (error) {
      dropped += 1;
      const why = error instanceof Error ? error.message : String(error);
      notices.push(`Profile entry ${index + 1} could not be read and was left out: ${why}`);
    }
  });
  return { document: { schemaVersion: PROFILES_SCHEMA_VERSION, profiles }, notices, fromVersion: version, dropped };
}
