// The token cache of the OAuth 2.0 scheme with a fake token endpoint and clock: one token request
// for any number of concurrent calls (no stampede), renewal before expires_in runs out, a 401
// invalid_token drops only the refused token, and a cancelled caller does not cancel the others.
import { describe, expect, it } from 'vitest';
import { isInvalidTokenChallenge, oauth2ClientCredentials, renewMargin } from '../../../electron/core/auth/oauth2';
import type { AuthContext } from '../../../electron/core/auth/types';
import { SecretSet } from '../../../electron/core/secrets/index';

function endpoint(expiresIn: number | null) {
  let calls = 0;
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  const ctx = (signal?: AbortSignal): AuthContext => ({
    secrets: new SecretSet(),
    ...(signal ? { signal } : {}),
    async post() {
      calls += 1;
      await gate;
      return { status: 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify({ access_token: `tok-${calls}`, token_type: 'Bearer', ...(expiresIn !== null ? { expires_in: expiresIn } : {}) }) };
    },
  });
  return {
    ctx,
    calls: () => calls,
    hold() {
      gate = new Promise<void>((resolve) => (release = resolve));
    },
    release: () => release(),
  };
}

describe('oauth2ClientCredentials', () => {
  it('fetches one token for many concurrent calls', async () => {
    const ep = endpoint(3600);
    const auth = oauth2ClientCredentials({ tokenUrl: 'https://idp.example/token', clientId: 'c', clientSecret: () => 's3cret-value' });
    ep.hold();
    const applied = Promise.all(Array.from({ length: 20 }, () => auth.apply(ep.ctx())));
    ep.release();
    const all = await applied;
    expect(ep.calls()).toBe(1);
    expect(new Set(all.map((a) => a.headers.authorization))).toEqual(new Set(['Bearer tok-1']));
  });

  it('renews before expires_in runs out, by the margin', async () => {
    let now = 0;
    const ep = endpoint(300);
    const auth = oauth2ClientCredentials({ tokenUrl: 'https://idp.example/token', clientId: 'c', clientSecret: () => 's', now: () => now });
    await auth.apply(ep.ctx());
    now = 300_000 - renewMargin(300_000) - 1;
    expect((await auth.apply(ep.ctx())).headers.authorization).toBe('Bearer tok-1');
    now += 2;
    expect((await auth.apply(ep.ctx())).headers.authorization).toBe('Bearer tok-2');
    expect(renewMargin(3_600_000)).toBe(60_000);
    expect(renewMargin(3000)).toBe(1300);
    expect(renewMargin(1000)).toBe(500);
  });

  it('on a 401 invalid_token drops only the refused token; an older refusal reuses the newer token', async () => {
    const ep = endpoint(null);
    const auth = oauth2ClientCredentials({ tokenUrl: 'https://idp.example/token', clientId: 'c', clientSecret: () => 's' });
    const first = await auth.apply(ep.ctx());
    const challenge = { status: 401, headers: { 'www-authenticate': 'Bearer realm="x", error="invalid_token"' } };
    expect(await auth.refreshAfter?.(first, challenge, ep.ctx())).toBe(true);
    expect(ep.calls()).toBe(2);
    expect(await auth.refreshAfter?.(first, challenge, ep.ctx())).toBe(true);
    expect(ep.calls()).toBe(2);
    expect(await auth.refreshAfter?.(first, { status: 401, headers: { 'www-authenticate': 'Basic realm="x"' } }, ep.ctx())).toBe(false);
  });

  it('a cancelled caller stops waiting; the shared token request still serves the others', async () => {
    const ep = endpoint(3600);
    const auth = oauth2ClientCredentials({ tokenUrl: 'https://idp.example/token', clientId: 'c', clientSecret: () => 's' });
    ep.hold();
    const controller = new AbortController();
    const cancelled = auth.apply(ep.ctx(controller.signal));
    const other = auth.apply(ep.ctx());
    controller.abort();
    await expect(cancelled).rejects.toBeTruthy();
    ep.release();
    expect((await other).headers.authorization).toBe('Bearer tok-1');
    expect(ep.calls()).toBe(1);
  });

  it('recognises the RFC 6750 invalid_token challenge', () => {
    expect(isInvalidTokenChallenge({ 'www-authenticate': 'Bearer error="invalid_token", error_description="expired"' })).toBe(true);
    expect(isInvalidTokenChallenge({ 'www-authenticate': 'Bearer error=invalid_token' })).toBe(true);
    expect(isInvalidTokenChallenge({ 'www-authenticate': 'Bearer realm="x"' })).toBe(false);
    expect(isInvalidTokenChallenge({})).toBe(false);
  });
});
