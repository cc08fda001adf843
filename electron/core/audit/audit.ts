// The pre-cutover audit: every finding has a stable code and names its resource, and the counts
// object is what the CLI, the Audit view and the tests compare. It runs as a stream (Auditor):
// users, then groups, one at a time, each finding handed out as soon as it is known. What the
// checks that need the whole tenant keep — ids, labels, lowercased userNames, whether a user is in
// a group — sits in compact structures (about 150 bytes a user), never the users themselves.
// auditSnapshot runs the same Auditor over a snapshot held in memory.

import { InspectorError } from '../../../shared/errors';
import type { AuditCounts, AuditResult, Finding, IdpSummary, Snapshot } from '../../../shared/audit';
import type { DiscoveryResult, ScimGroup, ScimUser } from '../../../shared/scim';
import { CompactStringList, CompactStringSet, Uint32List } from '../scim/compact-strings';
import { emailsOf, isInactive, memberIds, primaryEmail } from './user-fields';
import { IdpMatcher, type IdpComparison } from './idp-compare';

export interface AuditOptions {
  /** Users not modified for this many days are stale (default 180). */
  staleDays?: number;
  /** Reference time for staleness (default: the snapshot's takenAt). */
  now?: Date;
  idp?: IdpComparison;
}

/** = + - @ : what a spreadsheet may run as a formula. */
const FORMULA_FIRST = new Set([0x3d, 0x2b, 0x2d, 0x40]);
// A user's `groups` mirrors the groups' own names (read-only, RFC 7643 §4.1.2): a formula-like
// group name is one finding on the group, not one per member.
const SKIP_KEYS = new Set(['id', 'schemas', 'meta', 'groups']);

function label(user: ScimUser): string {
  return typeof user.userName === 'string' ? user.userName : user.id;
}

/**
 * Calls `found` for every formula-like string under a resource with its attribute path, skipping
 * id/schemas/meta/groups. A plain recursive walk over a shared path stack: it runs over every
 * value of 100k users, and path strings are only built for the rare hits.
 */
function formulaLikeValues(value: unknown, found: (path: string, value: string) => void, stack: (string | number)[] = []): void {
  if (typeof value === 'string') {
    if (value.length > 0 && FORMULA_FIRST.has(value.charCodeAt(0))) {
      found(stack.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join(''), value);
    }
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      stack.push(i);
      formulaLikeValues(value[i], found, stack);
      stack.pop();
    }
  } else if (typeof value === 'object' && value !== null) {
    const top = stack.length === 0;
    for (const k in value) {
      if (top && SKIP_KEYS.has(k)) continue;
      stack.push(k);
      formulaLikeValues((value as Record<string, unknown>)[k], found, stack);
      stack.pop();
    }
  }
}

export type FindingSink = (finding: Finding) => void;

function emptyCounts(): AuditCounts {
  return {
    users: 0, groups: 0, inactive: 0, missingExternalId: 0, duplicateUserNameSets: 0, emailUserNameMismatch: 0,
    noPrimaryEmail: 0, multiplePrimaryEmails: 0, emptyGroups: 0, danglingMembers: 0, usersInNoGroup: 0,
    formulaLikeValues: 0, staleUsers: 0,
  };
}

/** Feed users (all of them first), then groups, then finish(). Findings go to `emit` as found. */
export class Auditor {
  readonly counts = emptyCounts();
  private readonly staleDays: number;
  private readonly staleBefore: number;
  private readonly hasGroups: boolean;
  private readonly idp: IdpMatcher | null;
  /** Per user, in order: its entry in userIds, and its label (userName or id). */
  private readonly userIds = new CompactStringSet();
  private readonly idEntryOf = new Uint32List();
  private readonly labels = new CompactStringList();
  /** Lowercased userNames; the first user of each, and the users of names that collide (rare). */
  private readonly names = new CompactStringSet();
  private readonly firstOfName = new Uint32List();
  private readonly collisions = new Map<number, number[]>();
  /** By userIds entry: 1 when some group lists the user. */
  private grouped = new Uint8Array(0);
  private readonly groupIds = new CompactStringSet();
  /** Members that are no user: a group (maybe listed later) or dangling; decided at the end. */
  private readonly otherMembers: { groupId: string; displayName: string; member: string }[] = [];
  private inGroups = false;

  constructor(
    fields: { takenAt: string; discovery: DiscoveryResult | null },
    options: AuditOptions,
    private readonly emit: FindingSink,
  ) {
    this.staleDays = options.staleDays ?? 180;
    const now = options.now ?? new Date(fields.takenAt);
    this.staleBefore = now.getTime() - this.staleDays * 86_400_000;
    this.hasGroups = fields.discovery?.capabilities.groups !== false;
    this.idp = options.idp ? new IdpMatcher(options.idp) : null;
  }

  user(user: ScimUser): void {
    if (this.inGroups) throw new InspectorError('internal', 'The audit was given a user after the groups; users come first.');
    this.counts.users += 1;
    const name = label(user);
    const emails = emailsOf(user);
    const email = primaryEmail(user, emails);
    // Each finding on this user carries its userName and primary email (references to strings the
    // user already holds), so the findings CSV has them as columns, not only inside the detail.
    const who: Pick<Finding, 'userName' | 'email'> = {};
    if (typeof user.userName === 'string') who.userName = user.userName;
    if (email !== null) who.email = email;
    const emit = (finding: Finding): void => this.emit({ ...finding, ...who });
    const { counts } = this;
    const ordinal = this.labels.push(name);
    this.idEntryOf.push(this.userIds.add(user.id) ? this.userIds.size - 1 : this.userIds.indexOf(user.id));
    if (isInactive(user)) {
      counts.inactive += 1;
      emit({ code: 'inactive-user', severity: 'info', resourceType: 'User', id: user.id, detail: `${name} is inactive` });
    }
    if (typeof user.externalId !== 'string' || user.externalId.trim() === '') {
      counts.missingExternalId += 1;
      emit({ code: 'missing-external-id', severity: 'high', resourceType: 'User', id: user.id, detail: `${name} has no externalId: the new IdP has nothing to match on` });
    }
    const key = name.toLowerCase();
    if (this.names.add(key)) this.firstOfName.push(ordinal);
    else {
      const entry = this.names.indexOf(key);
      const same = this.collisions.get(entry);
      if (same) same.push(ordinal);
      else this.collisions.set(entry, [this.firstOfName.get(entry), ordinal]);
    }
    let primaries = 0;
    for (const e of emails) if (e.primary === true) primaries += 1;
    if (primaries === 0) {
      counts.noPrimaryEmail += 1;
      emit({ code: 'no-primary-email', severity: 'medium', resourceType: 'User', id: user.id, detail: `${name} has ${emails.length} email(s), none marked primary` });
    } else if (primaries > 1) {
      counts.multiplePrimaryEmails += 1;
      emit({ code: 'multiple-primary-emails', severity: 'medium', resourceType: 'User', id: user.id, detail: `${name} has ${primaries} emails marked primary` });
    }
    if (email !== null && email.toLowerCase() !== key) {
      counts.emailUserNameMismatch += 1;
      emit({ code: 'email-username-mismatch', severity: 'medium', resourceType: 'User', id: user.id, detail: `userName ${name} differs from primary email ${email}` });
    }
    const lastModified = user.meta?.lastModified;
    const modified = typeof lastModified === 'string' ? Date.parse(lastModified) : Number.NaN;
    if (!Number.isNaN(modified) && modified < this.staleBefore) {
      counts.staleUsers += 1;
      emit({ code: 'stale-user', severity: 'low', resourceType: 'User', id: user.id, detail: `${name} not modified since ${lastModified} (over ${this.staleDays} days)` });
    }
    formulaLikeValues(user, (path, value) => {
      counts.formulaLikeValues += 1;
      emit({ code: 'formula-like-value', severity: 'medium', resourceType: 'User', id: user.id, detail: `${name}: ${path} starts with "${value[0]}" (spreadsheet formula risk)` });
    });
    this.idp?.user(user, emit);
  }

  /** The users are all in: names that collide are known now. */
  private endUsers(): void {
    if (this.inGroups) return;
    this.inGroups = true;
    this.grouped = new Uint8Array(this.userIds.size);
    // In order of each name's first user, as the findings have always been listed.
    for (const entry of [...this.collisions.keys()].sort((a, b) => a - b)) {
      const ordinals = this.collisions.get(entry) as number[];
      this.counts.duplicateUserNameSets += 1;
      const first = ordinals[0] as number;
      const who = ordinals.map((o) => `${this.labels.at(o)} (${this.userIdAt(o)})`).join(', ');
      this.emit({ code: 'duplicate-username', severity: 'high', resourceType: 'User', id: this.userIdAt(first), userName: this.labels.at(first), detail: `userNames equal ignoring case: ${who}` });
    }
  }

  private userIdAt(ordinal: number): string {
    return this.userIds.at(this.idEntryOf.get(ordinal));
  }

  group(group: ScimGroup): void {
    this.endUsers();
    const { counts, emit } = this;
    counts.groups += 1;
    this.groupIds.add(group.id);
    const members = memberIds(group);
    if (members.length === 0) {
      counts.emptyGroups += 1;
      emit({ code: 'empty-group', severity: 'low', resourceType: 'Group', id: group.id, detail: `${group.displayName} has no members` });
    }
    for (const member of members) {
      const entry = this.userIds.indexOf(member);
      if (entry >= 0) this.grouped[entry] = 1;
      else this.otherMembers.push({ groupId: group.id, displayName: group.displayName, member });
    }
    formulaLikeValues({ displayName: group.displayName, externalId: group.externalId }, (path, value) => {
      counts.formulaLikeValues += 1;
      emit({ code: 'formula-like-value', severity: 'medium', resourceType: 'Group', id: group.id, detail: `${group.displayName}: ${path} starts with "${value[0]}" (spreadsheet formula risk)` });
    });
  }

  /** The checks that need every resource; `complete` is the snapshot's own verdict. */
  finish(complete: boolean): AuditFinish {
    const steps = this.finishing(complete);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * finish() for a writer that can fall behind (stdout to a pipe is written asynchronously):
   * `pace` is awaited every few thousand findings. At 1M users "user-in-no-group" alone can be
   * hundreds of thousands of findings, which were queued in memory faster than a pipe took them
   * (about 250 MB more than the same audit written to a file).
   */
  async finishPaced(complete: boolean, pace: () => Promise<void>): Promise<AuditFinish> {
    const steps = this.finishing(complete);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await pace();
    }
  }

  /** finish()'s work; yields after every PACE_EVERY findings so that a caller can wait. */
  private *finishing(complete: boolean): Generator<void, AuditFinish, void> {
    this.endUsers();
    const { counts } = this;
    let emitted = 0;
    const emit = (finding: Finding): boolean => {
      this.emit(finding);
      emitted += 1;
      return emitted % PACE_EVERY === 0;
    };
    const notes: string[] = [];
    let idpSummary: IdpSummary | undefined;
    if (!complete) notes.push('The snapshot is not verified complete (see its warnings): counts may be short.');
    if (!this.hasGroups) notes.push('The service has no /Groups endpoint: group checks (user-in-no-group, empty-group, dangling-member) were skipped.');
    for (const { groupId, displayName, member } of this.otherMembers) {
      if (this.groupIds.has(member)) continue;
      counts.danglingMembers += 1;
      if (emit({ code: 'dangling-member', severity: 'medium', resourceType: 'Group', id: groupId, detail: `${displayName} lists member ${member}, which is no user or group` })) yield;
    }
    if (this.hasGroups) {
      for (let o = 0; o < this.labels.size; o += 1) {
        if (this.grouped[this.idEntryOf.get(o)] === 1) continue;
        counts.usersInNoGroup += 1;
        if (emit({ code: 'user-in-no-group', severity: 'low', resourceType: 'User', id: this.userIdAt(o), userName: this.labels.at(o), detail: `${this.labels.at(o)} is in no group` })) yield;
      }
    }
    if (this.idp) {
      const idp = yield* this.idp.finishing(emit, complete);
      counts.notInIdp = idp.notInIdp;
      counts.notInTenant = idp.notInTenant;
      counts.attributeDrift = idp.attributeDrift;
      counts.idpAmbiguous = idp.ambiguous;
      notes.push(...idp.notes);
      idpSummary = idp.summary;
    }
    return { counts, notes, complete, ...(idpSummary ? { idp: idpSummary } : {}) };
  }
}

/** Findings written between two waits for a slow writer (see finishPaced). */
const PACE_EVERY = 4096;

export interface AuditFinish {
  counts: AuditCounts;
  notes: string[];
  complete: boolean;
  /** What the IdP comparison matched on, with evidence rows (with an IdP export only). */
  idp?: IdpSummary;
}

const IDP_CODES = new Set(['not-in-idp', 'not-in-tenant', 'attribute-drift', 'idp-ambiguous']);

/** The audit of a snapshot held in memory; IdP findings listed after the tenant's own. */
export function auditSnapshot(snapshot: Snapshot, options: AuditOptions = {}): AuditResult {
  const findings: Finding[] = [];
  const idpFindings: Finding[] = [];
  const auditor = new Auditor(snapshot, options, (f) => void (IDP_CODES.has(f.code) ? idpFindings : findings).push(f));
  for (const user of snapshot.users) auditor.user(user);
  for (const group of snapshot.groups) auditor.group(group);
  const { counts, notes, idp } = auditor.finish(snapshot.complete);
  return { takenAt: snapshot.takenAt, baseUrl: snapshot.baseUrl, complete: snapshot.complete, counts, findings: [...findings, ...idpFindings], notes, ...(idp ? { idp } : {}) };
}
