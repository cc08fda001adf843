// The one channel map between the renderer and main (GitHub Desktop's lib/ipc-shared.ts idea):
// channel name -> request -> response, plus the events main pushes. The IPC handlers, the preload
// bridge and the browser-mode HTTP twin are all typed from CHANNELS, so adding a call is one entry
// here plus one core function in electron/core/app. Requests are `unknown` until a channel's
// parse() has validated them; errors cross as AppError values inside a Result envelope.

import type { AppError } from './errors';
import type { DiscoveryResult, ListOutcome, ListProgress, RequestLogBodies, RequestLogCounts, RequestLogSummary, ResourceKind, ScimResource } from './scim';
import { optionalInteger, optionalString, oneOf, record, requiredEntryId, requiredString, noInput } from './channel-guards';
import { channel, type ChannelDef } from './channel-def';
import { PROFILE_CHANNELS } from './channels/profiles';
import { PROFILE_CONNECTION_CHANNELS } from './channels/profile-connection';
import { EXPLORER_CHANNELS } from './channels/explorer';
import { EDIT_CHANNELS } from './channels/edit';
import { DEACTIVATE_CHANNELS } from './channels/deactivate';
import { AUDIT_CHANNELS } from './channels/audit';
import { RESOLVE_CHANNELS } from './channels/resolve';
import { TABLE_EXPORT_CHANNELS } from './channels/table-export';
import { TABLE_CHANNELS } from './channels/table';
import { TABLE_SELECTION_CHANNELS } from './channels/table-selection';
import { GRID_VIEW_CHANNELS } from './channels/grid-views';
import { LIMITS_CHANNELS } from './channels/limits';
import { CREATE_CHANNELS } from './channels/create';

export { channel, type ChannelDef } from './channel-def';

// ---- payload types ---------------------------------------------------------------------------

export type HostMode = 'electron' | 'browser';

export interface AppInfo {
  name: string;
  version: string;
  mode: HostMode;
  platform: string;
  /** Profile ids the renderer can open; "sandbox" is the built-in demo tenant. */
  profiles: { id: string; name: string; builtIn: boolean }[];
}

export const SANDBOX_VENDORS = ['rfc', 'mindtickle', 'lettermint', 'mittr', 'entra', 'omission'] as const;
export type SandboxVendor = (typeof SANDBOX_VENDORS)[number];

export interface SandboxStatus {
  running: boolean;
  vendor: SandboxVendor | null;
  /** SCIM base URL of the loopback tenant (no token: that stays in main). */
  url: string | null;
  users: number | null;
}

export interface DiscoverySummary extends Omit<DiscoveryResult, 'serviceProviderConfig' | 'resourceTypes' | 'schemas'> {
  profileId: string;
  resourceTypes: string[];
  schemaIds: string[];
}

/**
 * What resources.list resolves with; the resources themselves arrive as resources.page events.
 * A cancelled listing answers with the error code 'cancelled' instead.
 */
export type ListSummary = Omit<ListOutcome, 'Resources'> & { listId: string; kind: ResourceKind };

export interface SaveResult {
  saved: boolean;
  /** Where main wrote the file (chosen by the user in a dialog, never by the renderer). */
  path: string | null;
}

// ---- the channel map -------------------------------------------------------------------------

const LIST_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const CHANNELS = {
  'app.info': channel<AppInfo>()(noInput),
  'sandbox.status': channel<SandboxStatus>()(noInput),
  'sandbox.start': channel<SandboxStatus>()((input) => {
    const r = record(input ?? {}, 'sandbox.start');
    return { vendor: oneOf(r.vendor, SANDBOX_VENDORS, 'vendor'), users: optionalInteger(r.users, 'users', 0, 200_000) };
  }),
  'connection.discover': channel<DiscoverySummary>()((input) => {
    const r = record(input, 'connection.discover');
    return { profileId: requiredString(r.profileId, 'profileId') };
  }),
  'resources.list': channel<ListSummary>()((input) => {
    const r = record(input, 'resources.list');
    const listId = requiredString(r.listId, 'listId', LIST_ID);
    return {
      profileId: requiredString(r.profileId, 'profileId'),
      kind: oneOf(r.kind, ['Users', 'Groups'] as const, 'kind') ?? ('Users' as ResourceKind),
      listId,
      filter: optionalString(r.filter, 'filter'),
      limit: optionalInteger(r.limit, 'limit', 1, 10_000_000),
      // 'rows': pages go only into main's index (the grid asks for windows of it) and the page
      // events carry counts; 'resources' also sends each page's resources; 'auto' sends them
      // while the listing is small (RENDERER_HOLDS_MAX).
      pages: oneOf(r.pages, ['resources', 'rows', 'auto'] as const, 'pages') ?? ('resources' as const),
    };
  }),
  'resources.cancel': channel<{ cancelled: boolean }>()((input) => {
    const r = record(input, 'resources.cancel');
    return { listId: requiredString(r.listId, 'listId', LIST_ID) };
  }),
  /** Summaries (no bodies) of the calls the log still holds. */
  'requestLog.entries': channel<RequestLogSummary[]>()((input) => {
    const r = record(input, 'requestLog.entries');
    return { profileId: requiredString(r.profileId, 'profileId') };
  }),
  /** Calls the profile's session made and how many its log holds (zeros before it made any). */
  'requestLog.counts': channel<RequestLogCounts>()((input) => {
    const r = record(input, 'requestLog.counts');
    return { profileId: requiredString(r.profileId, 'profileId') };
  }),
  /** The bodies of one entry, asked for when the entry is opened. */
  'requestLog.body': channel<RequestLogBodies>()((input) => {
    const r = record(input, 'requestLog.body');
    return { profileId: requiredString(r.profileId, 'profileId'), entryId: requiredEntryId(r.entryId) };
  }),
  'requestLog.exportHar': channel<SaveResult>()((input) => {
    const r = record(input, 'requestLog.exportHar');
    return { profileId: requiredString(r.profileId, 'profileId') };
  }),
  // Feature maps live in shared/channels/<feature>.ts so features grow without touching this file.
  ...PROFILE_CHANNELS,
  ...PROFILE_CONNECTION_CHANNELS,
  ...EXPLORER_CHANNELS,
  ...EDIT_CHANNELS,
  ...DEACTIVATE_CHANNELS,
  ...AUDIT_CHANNELS,
  ...RESOLVE_CHANNELS,
  ...TABLE_EXPORT_CHANNELS,
  ...TABLE_CHANNELS,
  ...TABLE_SELECTION_CHANNELS,
  ...GRID_VIEW_CHANNELS,
  ...LIMITS_CHANNELS,
  ...CREATE_CHANNELS,
} as const;

export type Channels = typeof CHANNELS;
export type ChannelName = keyof Channels;
export type RequestOf<K extends ChannelName> = ReturnType<Channels[K]['parse']>;
export type ResponseOf<K extends ChannelName> = Channels[K] extends ChannelDef<unknown, infer R> ? R : never;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CHANNELS, value);
}

// ---- events main pushes ----------------------------------------------------------------------

export interface EventMap {
  /** One page of a streamed listing (never the whole tenant in one message). */
  'resources.page': {
    listId: string;
    /** The page's resources; empty when the listing was asked with pages: 'rows', or 'auto' past its size. */
    resources: ScimResource[];
    /** True when this listing's resources are no longer sent (drop those that were): ask main for rows. */
    rowsOnly: boolean;
    progress: ListProgress;
    /** Rows main's index of the listing holds after this page (table.window reads them). */
    held: number;
  };
  /** Progress of a long call, for the status bar; ended: the call finished, failed or was cancelled. */
  progress: { operationId: string; label: string; done: number; total: number | null; ended?: boolean };
  /** A SCIM call just finished: its summary (headers redacted; bodies via requestLog.body). */
  'requestLog.entry': { profileId: string; entry: RequestLogSummary; counts: RequestLogCounts };
  /**
   * What the server holds now for one resource, after a verified write (its read-back) or the
   * re-read of a 412: every view showing it updates from this. resource null: it is gone.
   */
  'resource.changed': ResourceChange;
}

export type ChangeCause = 'edit' | 'conflict' | 'deactivate' | 'reactivate' | 'create' | 'delete';

export interface ResourceChange {
  profileId: string;
  kind: ResourceKind;
  id: string;
  resource: ScimResource | null;
  cause: ChangeCause;
}

export type EventName = keyof EventMap;
export const EVENT_NAMES: readonly EventName[] = ['resources.page', 'progress', 'requestLog.entry', 'resource.changed'];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}

/** The IPC channel an event travels on, kept apart from call channels. */
export const eventChannel = (name: EventName): string => `event:${name}`;

// ---- envelope and derived API shapes ---------------------------------------------------------

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** "resources.list" -> feature "resources", method "list". */
export type FeatureOf<K extends string> = K extends `${infer F}.${string}` ? F : never;
export type MethodOf<K extends string> = K extends `${string}.${infer M}` ? M : never;
export type Feature = FeatureOf<ChannelName>;

type Call<K extends ChannelName> = [RequestOf<K>] extends [undefined]
  ? (request?: undefined) => Promise<Result<ResponseOf<K>>>
  : (request: RequestOf<K>) => Promise<Result<ResponseOf<K>>>;

/** The renderer's API: narrow methods grouped by feature (Insomnia-style), derived from CHANNELS. */
export type InspectorApi = {
  [F in Feature]: { [K in ChannelName as FeatureOf<K> extends F ? MethodOf<K> : never]: Call<K> };
} & {
  events: { on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void };
};

/** Splits a channel name into its feature and method (for building the bridge objects). */
export function splitChannel(name: ChannelName): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

/** The name under which the preload exposes InspectorApi on window. */
export const BRIDGE_KEY = 'scimInspector';
