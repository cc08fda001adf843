// @vitest-environment jsdom
// The tenant's limits are asked for once per profile, however many components mounted in the same
// pass want them (navigation, table, detail pane, edit form): each asking ran a discovery on the
// tenant, and a page load asked four times, filling the request log. The core answers a second
// call from the session's discovery, without calling the tenant again.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { InspectorApi } from '../../../../shared/channels';
import { useLimits } from '../../../../renderer/src/store/limits';
import { createPageStore, PageStateContext } from '../../../../renderer/src/store/pages';
import { realApi } from './real-api';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  cleanup();
  await close?.();
  close = null;
});

function Vendor({ api, n }: { api: InspectorApi; n: number }) {
  const limits = useLimits(api, 'sandbox');
  return <p data-testid={`vendor-${n}`}>{limits?.vendorLabel ?? 'asking'}</p>;
}

it('asks limits.get once for all the components of a page, and discovers the tenant once', async () => {
  const real = await realApi(5, 'mittr');
  close = real.close;
  let asked = 0;
  const api: InspectorApi = { ...real.api, limits: { get: (request) => ((asked += 1), real.api.limits.get(request)) } };
  const store = createPageStore();
  render(
    <PageStateContext.Provider value={store}>
      {[1, 2, 3, 4].map((n) => (
        <Vendor key={n} api={api} n={n} />
      ))}
    </PageStateContext.Provider>,
  );
  // The timeout is a safety net for a loaded machine, not a speed claim.
  for (const n of [1, 2, 3, 4]) expect((await screen.findByText('Mittr', { selector: `[data-testid="vendor-${n}"]` }, { timeout: 20_000 })).textContent).toBe('Mittr');
  expect(asked).toBe(1);

  // A second page load (a new window store) asks again; the core does not discover again.
  const calls = (): number => real.ctx.sessions.openSession('sandbox')?.client.transport.log.entries().length ?? 0;
  const before = calls();
  expect(before).toBeGreaterThan(0);
  const again = await real.api.limits.get({ profileId: 'sandbox' });
  expect(again.ok && again.value.groups.available).toBe(false);
  expect(calls()).toBe(before);
});
