// Browser mode refuses calls without the secret, from another Origin or through another Host name
// (DNS rebinding), and offers no CORS.
import { expect, test } from '@playwright/test';

function target() {
  const url = new URL(process.env.SCIM_INSPECTOR_E2E_URL ?? '');
  return { origin: url.origin, host: url.host, secret: url.hash.replace('#secret=', '') };
}

test('a call with the secret, Host and Origin of the app succeeds', async ({ request }) => {
  const t = target();
  const res = await request.post(`${t.origin}/api/app.info`, { headers: { Origin: t.origin, 'X-Inspector-Secret': t.secret }, data: {} });
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, value: { mode: 'browser' } });
});

for (const [what, headers] of [
  ['without the secret', (t: ReturnType<typeof target>) => ({ Origin: t.origin })],
  ['with a wrong Origin', (t: ReturnType<typeof target>) => ({ Origin: 'http://attacker.example', 'X-Inspector-Secret': t.secret })],
  ['with a wrong Host', (t: ReturnType<typeof target>) => ({ Host: `rebound.example:${new URL(t.origin).port}`, Origin: t.origin, 'X-Inspector-Secret': t.secret })],
] as const) {
  test(`a call ${what} gets 403`, async ({ request }) => {
    const t = target();
    const res = await request.post(`${t.origin}/api/app.info`, { headers: headers(t), data: {} });
    expect(res.status()).toBe(403);
    expect(res.headers()['access-control-allow-origin']).toBeUndefined();
  });
}

test('a page on another origin cannot read the API (no CORS)', async ({ page }) => {
  const t = target();
  // about:blank's opaque origin stands in for an attacker's page.
  await page.goto('about:blank');
  const outcome = await page.evaluate(async (origin) => {
    try {
      const res = await fetch(`${origin}/api/app.info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      return `status ${res.status}`;
    } catch (error) {
      return `blocked: ${String(error)}`;
    }
  }, t.origin);
  expect(outcome).toMatch(/^blocked/);
});
