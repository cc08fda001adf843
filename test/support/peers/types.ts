// What every third-party SCIM peer started by a test helper hands back: where it listens, the one
// bearer token it accepts, the ids it was seeded with, and the behaviours it is known to have.

export interface PeerHandle {
  /** Peer name as used in test titles ("better-auth", "scimmy"). */
  name: string;
  /** SCIM base URL (no trailing slash), e.g. http://127.0.0.1:40123/api/auth/scim/v2. */
  url: string;
  /** The only bearer token the peer accepts; a test secret, never a real credential. */
  token: string;
  /** Ids of the users created at start-up, in creation order. */
  seedUserIds: string[];
  /** Ids of the groups created at start-up (empty for peers seeded without groups). */
  seedGroupIds: string[];
  /** Stops the HTTP server and forgets the peer's data. Safe to call twice. */
  close(): Promise<void>;
  /** Documented behaviours of this peer that a client must cope with (one sentence each). */
  quirks: string[];
}

/** userName/email of the i-th seeded user, shared by both peers so tests can filter for them. */
export function seedUser(i: number): { userName: string; email: string; externalId: string; givenName: string; familyName: string } {
  const n = String(i).padStart(4, '0');
  return {
    userName: `peer.user${n}`,
    email: `peer.user${n}@example.test`,
    externalId: `ext-${n}`,
    givenName: `Given${n}`,
    familyName: `Family${n}`,
  };
}
