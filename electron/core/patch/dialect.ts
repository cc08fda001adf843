// How a given service wants its PatchOps written. RFC 7644 leaves room (member removal by filter
// path or by value, no-path replace) and some services honour PATCH only for `active`; the seeds in
// shared/seeds describe each vendor the sandbox emulates.

export type MemberRemoval =
  /** One `remove` per member with a bracket filter path: `members[value eq "id"]` (RFC form). */
  | 'filter'
  /** One `remove` on `members` with `value: [{value: id}, …]` (what Entra ID sends). */
  | 'value-array';

export interface PatchDialect {
  name: string;
  memberRemoval: MemberRemoval;
  /** Write `active` as `{op: replace, value: {active: …}}` without a path (Mittr's documented form). */
  noPathActiveReplace: boolean;
  /**
   * PATCH on Users honours only `active` (Mindtickle, Lettermint): other user changes are still
   * built but flagged as ignored, and a PUT is the way to make them.
   */
  activeOnlyUsers: boolean;
}

export const RFC_DIALECT: PatchDialect = Object.freeze({
  name: 'rfc',
  memberRemoval: 'filter',
  noPathActiveReplace: false,
  activeOnlyUsers: false,
});

const VENDOR_DIALECTS: Record<string, PatchDialect> = {
  rfc: RFC_DIALECT,
  mindtickle: Object.freeze({ ...RFC_DIALECT, name: 'mindtickle', activeOnlyUsers: true }),
  lettermint: Object.freeze({ ...RFC_DIALECT, name: 'lettermint', activeOnlyUsers: true }),
  mittr: Object.freeze({ ...RFC_DIALECT, name: 'mittr', noPathActiveReplace: true }),
  entra: Object.freeze({ ...RFC_DIALECT, name: 'entra', memberRemoval: 'value-array' }),
};

export const KNOWN_DIALECTS: readonly string[] = Object.keys(VENDOR_DIALECTS);

/** The dialect for a profile's vendor hint; unknown or missing vendors get the RFC dialect. */
export function dialectForVendor(vendor: string | undefined | null): PatchDialect {
  if (!vendor) return RFC_DIALECT;
  return VENDOR_DIALECTS[vendor.trim().toLowerCase()] ?? RFC_DIALECT;
}
