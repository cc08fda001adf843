// The pre-cutover audit: every finding has a stable code and names its resource, and the counts
// object is what the CLI, the Audit view and the tests compare. Runs on a snapshot, offline.

import type { AuditCounts, AuditResult, Finding, Snapshot } from '../../../shared/audit';
import type { ScimUser } from '../../../shared/scim';
import { emailsOf, isInactive, memberIds, primaryEmail } from './user-fields';
import { compareWithIdp, type IdpComparison } from './idp-compare';

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

export function auditSnapshot(snapshot: Snapshot, options: AuditOptions = {}): AuditResult {
  const findings: Finding[] = [];
  const notes: string[] = [];
  const add = (f: Finding): void => void findings.push(f);
  const staleDays = options.staleDays ?? 180;
  const now = options.now ?? new Date(snapshot.takenAt);
  const staleBefore = now.getTime() - staleDays * 86_400_000;
  const userIds = new Set(snapshot.users.map((u) => u.id));
  const groupIds = new Set(snapshot.groups.map((g) => g.id));
  const counts: AuditCounts = {
    users: snapshot.users.length,
    groups: snapshot.groups.length,
    inactive: 0,
    missingExternalId: 0,
    duplicateUserNameSets: 0,
    emailUserNameMismatch: 0,
    noPrimaryEmail: 0,
    multiplePrimaryEmails: 0,
    emptyGroups: 0,
    danglingMembers: 0,
    usersInNoGroup: 0,
    formulaLikeValues: 0,
    staleUsers: 0,
  };
  if (!snapshot.complete) notes.push('The snapshot is not verified complete (see its warnings): counts may be short.');

  // One entry per distinct name; an array only once a name collides (rare), not one per user.
  const byUserName = new Map<string, ScimUser | ScimUser[]>();
  for (const user of snapshot.users) {
    const name = label(user);
    if (isInactive(user)) {
      counts.inactive += 1;
      add({ code: 'inactive-user', severity: 'info', resourceType: 'User', id: user.id, detail: `${name} is inactive` });
    }
    if (typeof user.externalId !== 'string' || user.externalId.trim() === '') {
      counts.missingExternalId += 1;
      add({ code: 'missing-external-id', severity: 'high', resourceType: 'User', id: user.id, detail: `${name} has no externalId: the new IdP has nothing to match on` });
    }
    const key = name.toLowerCase();
    const same = byUserName.get(key);
    if (same === undefined) byUserName.set(key, user);
    else if (Array.isArray(same)) same.push(user);
    else byUserName.set(key, [same, user]);
    const emails = emailsOf(user);
    let primaries = 0;
    for (const e of emails) if (e.primary === true) primaries += 1;
    if (primaries === 0) {
      counts.noPrimaryEmail += 1;
      add({ code: 'no-primary-email', severity: 'medium', resourceType: 'User', id: user.id, detail: `${name} has ${emails.length} email(s), none marked primary` });
    } else if (primaries > 1) {
      counts.multiplePrimaryEmails += 1;
      add({ code: 'multiple-primary-emails', severity: 'medium', resourceType: 'User', id: user.id, detail: `${name} has ${primaries} emails marked primary` });
    }
    const email = primaryEmail(user, emails);
    if (email !== null && email.toLowerCase() !== key) {
      counts.emailUserNameMismatch += 1;
      add({ code: 'email-username-mismatch', severity: 'medium', resourceType: 'User', id: user.id, detail: `userName ${name} differs from primary email ${email}` });
    }
    const lastModified = user.meta?.lastModified;
    const modified = typeof lastModified === 'string' ? Date.parse(lastModified) : Number.NaN;
    if (!Number.isNaN(modified) && modified < staleBefore) {
      counts.staleUsers += 1;
      add({ code: 'stale-user', severity: 'low', resourceType: 'User', id: user.id, detail: `${name} not modified since ${user.meta?.lastModified} (over ${staleDays} days)` });
    }
    formulaLikeValues(user, (path, value) => {
      counts.formulaLikeValues += 1;
      add({ code: 'formula-like-value', severity: 'medium', resourceType: 'User', id: user.id, detail: `${name}: ${path} starts with "${value[0]}" (spreadsheet formula risk)` });
    });
  }
  for (const [, users] of byUserName) {
    if (!Array.isArray(users)) continue;
    counts.duplicateUserNameSets += 1;
    const first = users[0] as ScimUser;
    add({ code: 'duplicate-username', severity: 'high', resourceType: 'User', id: first.id, detail: `userNames equal ignoring case: ${users.map((u) => `${label(u)} (${u.id})`).join(', ')}` });
  }

  const hasGroups = snapshot.discovery?.capabilities.groups !== false;
  if (!hasGroups) notes.push('The service has no /Groups endpoint: group checks (user-in-no-group, empty-group, dangling-member) were skipped.');
  const grouped = new Set<string>();
  for (const group of snapshot.groups) {
    const members = memberIds(group);
    if (members.length === 0) {
      counts.emptyGroups += 1;
      add({ code: 'empty-group', severity: 'low', resourceType: 'Group', id: group.id, detail: `${group.displayName} has no members` });
    }
    for (const member of members) {
      grouped.add(member);
      if (!userIds.has(member) && !groupIds.has(member)) {
        counts.danglingMembers += 1;
        add({ code: 'dangling-member', severity: 'medium', resourceType: 'Group', id: group.id, detail: `${group.displayName} lists member ${member}, which is no user or group` });
      }
    }
    formulaLikeValues({ displayName: group.displayName, externalId: group.externalId }, (path, value) => {
      counts.formulaLikeValues += 1;
      add({ code: 'formula-like-value', severity: 'medium', resourceType: 'Group', id: group.id, detail: `${group.displayName}: ${path} starts with "${value[0]}" (spreadsheet formula risk)` });
    });
  }
  if (hasGroups) {
    for (const user of snapshot.users) {
      if (grouped.has(user.id)) continue;
      counts.usersInNoGroup += 1;
      add({ code: 'user-in-no-group', severity: 'low', resourceType: 'User', id: user.id, detail: `${label(user)} is in no group` });
    }
  }
  if (options.idp) {
    const idp = compareWithIdp(snapshot.users, options.idp);
    findings.push(...idp.findings);
    counts.notInIdp = idp.notInIdp;
    counts.notInTenant = idp.notInTenant;
    counts.attributeDrift = idp.attributeDrift;
    notes.push(...idp.notes);
  }
  return { takenAt: snapshot.takenAt, baseUrl: snapshot.baseUrl, complete: snapshot.complete, counts, findings, notes };
}
