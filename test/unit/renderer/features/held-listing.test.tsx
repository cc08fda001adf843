// @vitest-environment jsdom
// Issue 13: "one listing serves a whole bulk run; cache it per session with its age shown, and
// refresh it on demand". The deactivation flow on a real omission-sandbox core: a leaver named by
// an email the server under-matches is planned from the session's complete listing, the flow shows
// that listing's size and age, and "Refresh the listing and plan again" takes a new listing and
// makes a new plan over it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../../shared/api';
import type { ScimUser } from '../../../../shared/scim';
import { coreFunctions, createAppContext, dispatch } from '../../../../electron/core/app/index';
import { DeactivationFlow } from '../../../../renderer/src/features/deactivate/DeactivationFlow';
import { ageText } from '../../../../renderer/src/features/deactivate/HeldListing';

// A safety net for a loaded machine (the calls go to a real server), not a speed claim.
configure({ asyncUtilTimeout: 15_000 });
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  cleanup();
  for (const close of closers) await close();
  closers = [];
});

const USERS = 60;

describe('the held listing in the deactivation flow', () => {
  it('shows the size and age of the listing a plan was proven in, and refreshes it on demand', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'scim-held-listing-'));
    const ctx = createAppContext({ mode: 'browser', version: '0', dataDir, emit: () => undefined, saveFile: async () => ({ saved: false, path: null }), sandbox: { users: USERS, vendor: 'omission' } });
    closers.push(async () => {
      await ctx.close();
      await rm(dataDir, { recursive: true, force: true });
    });
    const calls: string[] = [];
    const api = createApi({ invoke: (channel, request) => (calls.push(channel), dispatch(coreFunctions, ctx, channel, request)), subscribe: () => () => undefined });
    const all = (await (await ctx.sessions.session('sandbox')).client.list<ScimUser>('Users')).Resources;
    const leaver = all.find((u) => u.active === true && (u.emails?.[0]?.value ?? '').toLowerCase() !== u.userName.toLowerCase()) as ScimUser;

    render(<DeactivationFlow api={api} profileId="sandbox" readOnly={false} inputs={[leaver.emails?.[0]?.value ?? '']} openResource={() => undefined} stateKey="test:flow" />);
    fireEvent.click(screen.getByRole('button', { name: 'Dry run (1)' }));
    const held = await screen.findByTestId('held-listing');
    expect(held.textContent).toContain(`a complete listing of ${USERS} users taken`);
    expect(held.textContent).toContain('(less than a minute old)');
    expect(screen.getByTestId('plan-summary').textContent).toContain('1 to deactivate');
    const first = (await api.resolve.listings({ profileId: 'sandbox' })) as { ok: true; value: { Users: { takenAt: string } } };
    const firstPlan = screen.getByTestId('plan-summary').textContent;

    await new Promise((r) => setTimeout(r, 5));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh the listing and plan again' }));
    await waitFor(async () => {
      const now = (await api.resolve.listings({ profileId: 'sandbox' })) as { ok: true; value: { Users: { takenAt: string } } };
      expect(Date.parse(now.value.Users.takenAt)).toBeGreaterThan(Date.parse(first.value.Users.takenAt));
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Refresh the listing and plan again' })).not.toHaveProperty('disabled', true));
    // A new plan over the new listing (the same leaver: nobody changed in between).
    await waitFor(() => expect(calls.filter((c) => c === 'deactivate.plan')).toHaveLength(2));
    expect(calls.filter((c) => c === 'resolve.refresh')).toHaveLength(1);
    expect(screen.getByTestId('plan-summary').textContent).toBe(firstPlan);
    expect(screen.getByTestId('plan').querySelector('tr[data-status="target"]')?.textContent).toContain(leaver.userName);
  });

  it('says the age in words', () => {
    const t = '2026-12-03T10:00:00.000Z';
    const at = (minutes: number): number => Date.parse(t) + minutes * 60_000;
    expect(ageText(t, at(0.5))).toBe('less than a minute');
    expect(ageText(t, at(1))).toBe('1 minute');
    expect(ageText(t, at(59))).toBe('59 minutes');
    expect(ageText(t, at(60))).toBe('1 hour');
    expect(ageText(t, at(125))).toBe('2 hours 5 minutes');
  });
});
