// Sessions per profile id: one SCIM client (one pool, one request log) per open profile, the
// built-in "sandbox" demo profile pointing at an in-process sandbox tenant, and the running
// listings so they can be cancelled. Lives in main (or the web host); the renderer only ever
// names a profile id, never a URL with a token.

import { InspectorError } from '../../../shared/errors';
import { summaryOf } from '../../../shared/scim';
import type { EventMap, EventName, SandboxStatus, SandboxVendor } from '../../../shared/channels';
import { startSandbox, type SandboxHandle } from '../sandbox/index';
import { createScimClient } from '../scim/client';
import type { ConnectionOptions, ScimClient } from '../scim/types';
import type { RedactorGroup } from '../secrets/index';

export const SANDBOX_PROFILE_ID = 'sandbox';

export type Emit = <E extends EventName>(event: E, payload: EventMap[E]) => void;

export interface Session {
  profileId: string;
  client: ScimClient;
  discovered: boolean;
}

export interface SessionsOptions {
  emit: Emit;
  /** Sandbox tenant used by the demo profile (defaults: rfc vendor, 2,000 users). */
  sandbox?: { vendor?: SandboxVendor; users?: number };
  /** Saved profiles (profiles/vault issue). Without it only the demo profile opens. */
  resolveProfile?: (profileId: string) => Promise<ConnectionOptions>;
  /** Every session's secrets join this group, which redacts what crosses to the renderer. */
  secrets?: RedactorGroup;
}

export class Sessions {
  private sandbox: SandboxHandle | null = null;
  private sandboxStarting: Promise<SandboxHandle> | null = null;
  private sandboxOptions: { vendor: SandboxVendor; users: number | undefined };
  private readonly sessions = new Map<string, Session>();
  private readonly unsubscribers = new Map<string, () => void>();
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly options: SessionsOptions) {
    this.sandboxOptions = { vendor: options.sandbox?.vendor ?? 'rfc', users: options.sandbox?.users };
  }

  /** The demo tenant's vendor, running or not (it starts on first use). */
  sandboxVendor(): SandboxVendor {
    return this.sandbox?.vendor ?? this.sandboxOptions.vendor;
  }

  sandboxStatus(): SandboxStatus {
    const s = this.sandbox;
    return s
      ? { running: true, vendor: s.vendor, url: s.url, users: s.store.count('Users') }
      : { running: false, vendor: null, url: null, users: null };
  }

  /** Starts (or restarts with new options) the demo tenant; open demo sessions are dropped. */
  async startSandbox(vendor?: SandboxVendor, users?: number): Promise<SandboxStatus> {
    const wanted = { vendor: vendor ?? this.sandboxOptions.vendor, users: users ?? this.sandboxOptions.users };
    const same = wanted.vendor === this.sandboxOptions.vendor && wanted.users === this.sandboxOptions.users;
    if (this.sandbox && same) return this.sandboxStatus();
    await this.closeSession(SANDBOX_PROFILE_ID);
    await this.stopSandbox();
    this.sandboxOptions = wanted;
    await this.ensureSandbox();
    return this.sandboxStatus();
  }

  private async ensureSandbox(): Promise<SandboxHandle> {
    if (this.sandbox) return this.sandbox;
    this.sandboxStarting ??= startSandbox({
      vendor: this.sandboxOptions.vendor,
      port: 0,
      ...(this.sandboxOptions.users !== undefined ? { users: this.sandboxOptions.users } : {}),
    }).finally(() => {
      this.sandboxStarting = null;
    });
    this.sandbox = await this.sandboxStarting;
    return this.sandbox;
  }

  private async stopSandbox(): Promise<void> {
    const s = this.sandbox;
    this.sandbox = null;
    if (s) await s.close();
  }

  private async connectionFor(profileId: string): Promise<ConnectionOptions> {
    if (profileId === SANDBOX_PROFILE_ID) {
      const s = await this.ensureSandbox();
      // The demo token only opens this loopback tenant; it still stays in main.
      const token = s.token;
      return { baseUrl: s.url, token: () => token, vendor: s.vendor };
    }
    if (this.options.resolveProfile) return this.options.resolveProfile(profileId);
    throw new InspectorError('profile-not-found', `There is no profile "${profileId}". Open the built-in "sandbox" profile or add one with \`scim-inspector profiles add\`.`, { profileId });
  }

  async session(profileId: string): Promise<Session> {
    const open = this.sessions.get(profileId);
    if (open) return open;
    const client = createScimClient(await this.connectionFor(profileId));
    const session: Session = { profileId, client, discovered: false };
    this.sessions.set(profileId, session);
    // Kept after the session closes: text it produced may still be on its way out.
    this.options.secrets?.add(client.transport.secrets);
    this.unsubscribers.set(profileId, client.transport.log.subscribe((entry) => this.options.emit('requestLog.entry', { profileId, entry: summaryOf(entry), counts: client.transport.log.counts() })));
    return session;
  }

  /** The profile's session if one is open (never opens one). */
  openSession(profileId: string): Session | null {
    return this.sessions.get(profileId) ?? null;
  }

  /** A session that has run discovery, so listings use what the server said it can do. */
  async discoveredSession(profileId: string, signal?: AbortSignal): Promise<Session> {
    const session = await this.session(profileId);
    if (!session.discovered) {
      await session.client.discover(signal);
      session.discovered = true;
    }
    return session;
  }

  /**
   * Runs a cancellable operation (a listing, an audit, a deactivation run) under an id the
   * renderer chose, so a later cancel call can abort it; a second one with a running id is
   * refused (ids are per call). Closing the sessions aborts every running operation. Its end,
   * however it came, is pushed as a last 'progress' with ended set, so no status line outlives it.
   */
  async operation<T>(id: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.running.has(id)) throw new InspectorError('invalid-input', `An operation with id "${id}" is already running; use a new id per call.`, { id });
    const controller = new AbortController();
    this.running.set(id, controller);
    try {
      return await work(controller.signal);
    } finally {
      this.running.delete(id);
      this.options.emit('progress', { operationId: id, label: '', done: 0, total: null, ended: true });
    }
  }

  /** Aborts the running operation `id`; false when none runs under that id. */
  cancelOperation(id: string): boolean {
    const controller = this.running.get(id);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** Drops a profile's open session (its URL, headers or token changed); the next call reopens it. */
  async closeSession(profileId: string): Promise<void> {
    const session = this.sessions.get(profileId);
    this.sessions.delete(profileId);
    this.unsubscribers.get(profileId)?.();
    this.unsubscribers.delete(profileId);
    if (session) await session.client.close();
  }

  async close(): Promise<void> {
    for (const controller of this.running.values()) controller.abort();
    this.running.clear();
    await Promise.all([...this.sessions.keys()].map((id) => this.closeSession(id)));
    if (this.sandboxStarting) await this.sandboxStarting.catch(() => undefined);
    await this.stopSandbox();
  }
}
