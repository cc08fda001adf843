// @vitest-environment jsdom
// The member picker on a server that lies by omission (the omission sandbox dialect): it answers
// an email filter with an empty page and compares userName case-sensitively, so a picker that
// trusted the server's filter would call an existing user "not found" and push the admin towards
// adding a blind id. The picker resolves through the core (resolve.values), which does not trust
// those forms and looks in a verified-complete listing: the user is found by an upper-cased email
// other than the userName, and by the userName in another letter case; an email nobody has is
// refused, saying that a complete listing proved it.
import { cleanup, configure, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { ScimUser } from '../../../../shared/scim';
import { MemberPicker, type PickedMember } from '../../../../renderer/src/features/edit/MemberPicker';
import { realApi } from '../explorer/real-api';

// A safety net for a loaded machine (the calls go to a real server), not a speed claim.
configure({ asyncUtilTimeout: 20_000 });
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  cleanup();
  await close?.();
  close = null;
});

const LABEL = 'Add member (userName, email or display name)';

it('finds users the server under-matches, through the core resolver, and refuses an unknown email', async () => {
  const real = await realApi(120, 'omission');
  close = real.close;
  const { client } = await real.ctx.sessions.session('sandbox');
  const users = (await client.list<ScimUser>('Users')).Resources;
  const withOtherEmail = users.find((u) => (u.emails?.[0]?.value ?? '').toLowerCase() !== u.userName.toLowerCase() && (u.emails?.[0]?.value ?? '') !== '') as ScimUser;
  const byName = users.find((u) => u.id !== withOtherEmail.id && u.userName !== u.userName.toUpperCase()) as ScimUser;
  const email = (withOtherEmail.emails?.[0]?.value ?? '').toUpperCase();
  // The server itself hides both: its email filter under-matches, its userName eq is case-exact.
  expect((await client.list('Users', { filter: `emails.value eq "${email}"`, serverFilterOnly: true })).Resources).toHaveLength(0);
  expect((await client.list('Users', { filter: `userName eq "${byName.userName.toUpperCase()}"`, serverFilterOnly: true })).Resources).toHaveLength(0);

  const added: PickedMember[] = [];
  render(<MemberPicker api={real.api} profileId="sandbox" members={[]} onAdd={(m) => added.push(m)} />);
  const add = async (text: string): Promise<void> => {
    fireEvent.change(screen.getByLabelText(LABEL), { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Add member' }));
    await screen.findByRole('button', { name: 'Add member' });
  };

  await add(email);
  await screen.findByText((_, el) => el?.tagName === 'INPUT' && (el as HTMLInputElement).value === '');
  expect(added).toEqual([{ value: withOtherEmail.id, display: withOtherEmail.userName }]);

  await add(byName.userName.toUpperCase());
  await screen.findByText((_, el) => el?.tagName === 'INPUT' && (el as HTMLInputElement).value === '');
  expect(added.map((m) => m.value)).toEqual([withOtherEmail.id, byName.id]);

  await add('nobody.at.all@example.test');
  const refused = await screen.findByTestId('member-refused');
  expect(refused.textContent).toMatch(/Not added/);
  expect(refused.textContent).toMatch(/complete listing/i);
  expect(added).toHaveLength(2);
});
