// What a server was SEEN to do, as opposed to what its ServiceProviderConfig says: the read-only
// behaviour probe's findings ("observed facts"), recorded in a profile with the date they were seen.
// The listing, the lookups (resolution) and the Capabilities page read them. Plain data, no deps.

/**
 * The filter forms the probe tries, each with a value it knows a user (or group) has. Keys are
 * stable: they are stored in profiles and read by other features.
 */
export const FILTER_FORMS = {
  'Users.userName': 'userName eq',
  'Users.userName.otherCase': 'userName eq (other letter case)',
  'Users.emails.value': 'emails.value eq',
  'Users.emails[value]': 'emails[value eq …]',
  'Users.emails': 'emails eq',
  'Users.externalId': 'externalId eq',
  'Users.active': 'active eq false',
  'Groups.displayName': 'displayName eq',
  'Groups.externalId': 'externalId eq',
} as const;

export type FilterForm = keyof typeof FILTER_FORMS;
export const FILTER_FORM_KEYS = Object.keys(FILTER_FORMS) as FilterForm[];

/**
 * honoured: returned exactly the known matches. ignored: returned resources that do not match.
 * under-matches: 200 without a resource known to match (empty or short). rejected: 4xx.
 * untested: the probe had no known value to try it with (say why in `detail`).
 */
export const FILTER_VERDICTS = ['honoured', 'ignored', 'under-matches', 'rejected', 'untested'] as const;
export type FilterVerdict = (typeof FILTER_VERDICTS)[number];

export interface FilterObservation {
  verdict: FilterVerdict;
  /** What was seen, for people: "empty for a known email", "400 invalidFilter: …". */
  detail: string;
}

/** A finding that is a yes/no (null: could not tell, with the reason in `detail`). */
export interface Observation<T> {
  value: T | null;
  detail: string;
}

export interface ObservedFacts {
  /** Bumped when the shape changes; readers drop facts of another version. */
  version: 1;
  /** When the probe ran (ISO 8601). */
  observedAt: string;
  /** The base URL probed; facts do not carry over to another server. */
  baseUrl: string;
  filters: Partial<Record<FilterForm, FilterObservation>>;
  /** The most resources one page really held when more were asked for; null: never capped. */
  pageCap: Observation<number>;
  /** Whether startIndex counts from 1 (RFC 7644) or from 0. */
  startIndexBase: Observation<0 | 1>;
  /** Whether sortBy/sortOrder change the order. */
  sort: Observation<'honoured' | 'ignored' | 'rejected'>;
  /** Whether a user comes with an ETag (header or meta.version). */
  etags: Observation<boolean>;
  /** Whether Groups carry their members without asking for them by name. */
  groupMembersUnasked: Observation<boolean>;
  /** How many requests the probe made (all reads). */
  requests: number;
}

/** Verdicts that mean a server's answer to this form cannot be taken as the whole truth. */
export function untrusted(observation: FilterObservation | undefined): boolean {
  return observation !== undefined && observation.verdict !== 'honoured' && observation.verdict !== 'untested';
}

/** One line for people: "emails.value eq: under-matches (empty for a known email)". */
export function describeFilterObservation(form: FilterForm, observation: FilterObservation): string {
  return `${FILTER_FORMS[form]}${form.startsWith('Groups.') ? ' (Groups)' : ''}: ${observation.verdict}${observation.detail ? ` (${observation.detail})` : ''}`;
}

/** The facts as rows for people (the CLI's human output, the Capabilities page). */
export interface ObservedRow {
  key: string;
  label: string;
  value: string;
  detail: string;
}

export function observedRows(facts: ObservedFacts): ObservedRow[] {
  const rows: ObservedRow[] = FILTER_FORM_KEYS.flatMap((form) => {
    const o = facts.filters[form];
    return o ? [{ key: form, label: `filter ${FILTER_FORMS[form]}${form.startsWith('Groups.') ? ' (Groups)' : ''}`, value: o.verdict, detail: o.detail }] : [];
  });
  const yesNo = (v: boolean | null): string => (v === null ? 'unknown' : v ? 'yes' : 'no');
  rows.push(
    { key: 'pageCap', label: 'real page cap', value: facts.pageCap.value === null ? 'none seen' : String(facts.pageCap.value), detail: facts.pageCap.detail },
    { key: 'startIndexBase', label: 'startIndex counts from', value: facts.startIndexBase.value === null ? 'unknown' : String(facts.startIndexBase.value), detail: facts.startIndexBase.detail },
    { key: 'sort', label: 'sort', value: facts.sort.value ?? 'unknown', detail: facts.sort.detail },
    { key: 'etags', label: 'ETags', value: yesNo(facts.etags.value), detail: facts.etags.detail },
    { key: 'groupMembersUnasked', label: 'groups carry members unasked', value: yesNo(facts.groupMembersUnasked.value), detail: facts.groupMembersUnasked.detail },
  );
  return rows;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function observation<T>(raw: unknown, valid: (v: unknown) => v is T): Observation<T> | null {
  if (!isRecord(raw) || typeof raw.detail !== 'string') return null;
  if (raw.value !== null && !valid(raw.value)) return null;
  return { value: raw.value as T | null, detail: raw.detail.slice(0, 500) };
}

const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isBase = (v: unknown): v is 0 | 1 => v === 0 || v === 1;
const isCap = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isSort = (v: unknown): v is 'honoured' | 'ignored' | 'rejected' => v === 'honoured' || v === 'ignored' || v === 'rejected';

/**
 * Observed facts read back from a file or a channel (unknown until checked); null when they are
 * not facts of this version. Unknown filter forms are dropped, never guessed.
 */
export function readObservedFacts(raw: unknown): ObservedFacts | null {
  if (!isRecord(raw) || raw.version !== 1 || typeof raw.observedAt !== 'string' || Number.isNaN(Date.parse(raw.observedAt)) || typeof raw.baseUrl !== 'string') return null;
  const filters: Partial<Record<FilterForm, FilterObservation>> = {};
  if (isRecord(raw.filters)) {
    for (const form of FILTER_FORM_KEYS) {
      const f = raw.filters[form];
      if (isRecord(f) && (FILTER_VERDICTS as readonly unknown[]).includes(f.verdict) && typeof f.detail === 'string') {
        filters[form] = { verdict: f.verdict as FilterVerdict, detail: f.detail.slice(0, 500) };
      }
    }
  }
  const pageCap = observation(raw.pageCap, isCap);
  const startIndexBase = observation(raw.startIndexBase, isBase);
  const sort = observation(raw.sort, isSort);
  const etags = observation(raw.etags, isBool);
  const groupMembersUnasked = observation(raw.groupMembersUnasked, isBool);
  if (!pageCap || !startIndexBase || !sort || !etags || !groupMembersUnasked) return null;
  const requests = typeof raw.requests === 'number' && Number.isInteger(raw.requests) && raw.requests >= 0 ? raw.requests : 0;
  return { version: 1, observedAt: raw.observedAt, baseUrl: raw.baseUrl, filters, pageCap, startIndexBase, sort, etags, groupMembersUnasked, requests };
}
