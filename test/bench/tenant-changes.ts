// Changes made to the bench sandbox between two snapshots, so the memory bench's `diff` compares
// tenants that differ as a week of real admin work would (users edited, removed and added), and
// its output can be checked against what was done.

export interface TenantChanges {
  changed: number;
  removed: number;
  added: number;
}

async function call(url: string, token: string, method: string, body?: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

/** Edits `changes.changed` users' titles, deletes `changes.removed` others and creates `changes.added`. */
export async function changeTenant(base: string, token: string, changes: TenantChanges): Promise<void> {
  const ids: string[] = [];
  // The server caps its pages: ask page by page for as many ids as the changes need.
  while (ids.length < changes.changed + changes.removed) {
    const page = (await call(`${base}/Users?startIndex=${ids.length + 1}&count=${changes.changed + changes.removed - ids.length}&attributes=id`, token, 'GET')) as { Resources?: { id: string }[] };
    if (!page.Resources || page.Resources.length === 0) break;
    ids.push(...page.Resources.map((r) => r.id));
  }
  if (ids.length < changes.changed + changes.removed) throw new Error('the bench tenant is too small for the changes asked');
  const edit = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'title', value: 'Changed for the diff bench' }] };
  for (const id of ids.slice(0, changes.changed)) await call(`${base}/Users/${id}`, token, 'PATCH', edit);
  for (const id of ids.slice(changes.changed)) await call(`${base}/Users/${id}`, token, 'DELETE');
  for (let i = 0; i < changes.added; i += 1) {
    await call(`${base}/Users`, token, 'POST', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `diff-bench-${i}@example.com`, active: true });
  }
}
