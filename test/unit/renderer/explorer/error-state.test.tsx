// @vitest-environment jsdom
// Errors are said once (issue 17): the human sentence appears exactly once, the machine code and the
// server's own words only inside the closed "Details" disclosure, and the keychain's D-Bus jargon
// behind a plain sentence. Retry runs the retry.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ErrorState } from '../../../../renderer/src/frame/ErrorState';
import type { AppError } from '../../../../shared/errors';

afterEach(cleanup);

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** The alert's text outside the disclosure, and inside it. */
function parts(): { outside: string; inside: string } {
  const alert = screen.getByRole('alert');
  const details = alert.querySelector('details');
  expect(details).not.toBeNull();
  expect(details?.open).toBe(false);
  const clone = alert.cloneNode(true) as HTMLElement;
  clone.querySelector('details')?.remove();
  return { outside: clone.textContent ?? '', inside: details?.textContent ?? '' };
}

const http401: AppError = {
  code: 'unauthorized',
  message: 'The server rejected the token (401): it is wrong, revoked or expired. Update it in the profile. Server said: Bearer token expired',
  details: { status: 401, method: 'GET', url: 'https://t.example/scim/v2/Users', detail: 'Bearer token expired' },
};

describe('ErrorState says an error once', () => {
  it('shows the sentence exactly once and the code only inside Details', () => {
    render(<ErrorState error={http401} />);
    const { outside, inside } = parts();
    expect(occurrences(outside, 'The server rejected the token (401)')).toBe(1);
    expect(outside).not.toContain('unauthorized');
    expect(outside).not.toContain('Bearer token expired');
    expect(inside).toContain('Details');
    expect(inside).toContain('unauthorized');
    expect(occurrences(inside, 'Bearer token expired')).toBe(1);
    expect(inside).toContain('401');
    expect(screen.getByRole('alert').textContent?.split('The server rejected the token').length).toBe(2);
  });

  it('keeps the server scimType and detail in Details for a 400', () => {
    render(<ErrorState error={{ code: 'invalid-input', message: 'The server rejected the request as invalid (400, invalidValue). Server said: bad active', details: { status: 400, scimType: 'invalidValue', detail: 'bad active' } }} />);
    const { outside, inside } = parts();
    expect(outside).toContain('The server rejected the request as invalid');
    expect(outside).not.toContain('bad active');
    expect(inside).toMatch(/scimType\s*invalidValue/);
    expect(inside).toMatch(/detail\s*bad active/);
  });

  it('puts a plain keychain sentence first and the D-Bus cause inside Details', () => {
    const jargon = 'The OS keychain cannot be used while reading the token: there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset or points nowhere). (Cannot autolaunch D-Bus without X11 $DISPLAY)';
    render(<ErrorState error={{ code: 'keychain-unavailable', message: jargon, details: { missing: 'session-bus', cause: 'Cannot autolaunch D-Bus without X11 $DISPLAY' } }} />);
    const { outside, inside } = parts();
    expect(outside).toMatch(/^The system keychain is not available/);
    expect(outside).toMatch(/Unlock your keyring/);
    expect(outside).not.toMatch(/D-Bus|DBUS|keychain-unavailable/);
    expect(inside).toContain('keychain-unavailable');
    expect(occurrences(inside, jargon)).toBe(1);
  });

  it('a view-specific advice replaces the sentence; the core message moves into Details', () => {
    render(<ErrorState error={{ code: 'not-found', message: 'Not found (404) at https://t.example/scim/v2/Users/1.' }} advice="The server has no user with this id." />);
    const { outside, inside } = parts();
    expect(outside).toBe('The server has no user with this id.');
    expect(inside).toContain('Not found (404)');
  });

  it('offers Retry when the caller can retry', () => {
    let retried = 0;
    render(<ErrorState error={{ code: 'network', message: 'Connection refused.' }} onRetry={() => (retried += 1)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retried).toBe(1);
  });
});
