// The editor's text fields <-> the profile channel's fields. Headers are one "Name: value" per
// line and protected users one per line, which is how admins paste them from a runbook. Main
// validates everything again; this only catches what the form itself can see.

import { PROFILE_VENDORS, type ProfileFields, type ProfileSummary, type ProfileVendor } from '../../../shared/channels/profiles';

export interface ProfileForm {
  name: string;
  baseUrl: string;
  vendor: ProfileVendor;
  readOnly: boolean;
  headers: string;
  pageSize: string;
  concurrency: string;
  protectedUsers: string;
}

export const EMPTY_FORM: ProfileForm = { name: '', baseUrl: '', vendor: 'generic', readOnly: false, headers: '', pageSize: '', concurrency: '', protectedUsers: '' };

export function formFromSummary(p: ProfileSummary): ProfileForm {
  return {
    name: p.name,
    baseUrl: p.baseUrl,
    vendor: p.vendor,
    readOnly: p.readOnly,
    // Secret-looking values arrive as "[redacted]"; sent back unchanged, main keeps the stored value.
    headers: p.headers.map((h) => `${h.name}: ${h.value}`).join('\n'),
    pageSize: p.pageSize === null ? '' : String(p.pageSize),
    concurrency: p.concurrency === null ? '' : String(p.concurrency),
    protectedUsers: p.protectedUsers.join('\n'),
  };
}

function count(text: string, label: string, max: number): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${label} must be a whole number from 1 to ${max}, or empty for the default.`);
  return n;
}

/** The form as channel fields; throws an Error with a message for the form to show. */
export function fieldsFromForm(form: ProfileForm): ProfileFields & { name: string; baseUrl: string } {
  if (form.name.trim() === '') throw new Error('Give the profile a name, e.g. "prod-mindtickle".');
  if (form.baseUrl.trim() === '') throw new Error('Give the SCIM base URL, e.g. https://tenant.example.com/scim/v2.');
  if (!(PROFILE_VENDORS as readonly string[]).includes(form.vendor)) throw new Error('Pick a vendor hint.');
  const headers: Record<string, string> = {};
  form.headers.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`Header line ${i + 1} needs "Name: value".`);
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  });
  const protectedUsers = [...new Set(form.protectedUsers.split(/\r?\n/).map((u) => u.trim()).filter((u) => u !== ''))];
  return {
    name: form.name.trim(),
    baseUrl: form.baseUrl.trim(),
    vendor: form.vendor,
    readOnly: form.readOnly,
    headers,
    pageSize: count(form.pageSize, 'Page size', 10_000),
    concurrency: count(form.concurrency, 'Concurrency', 16),
    protectedUsers,
  };
}
