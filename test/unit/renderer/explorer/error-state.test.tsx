// @vitest-environment jsdom
// Error states say what to do: 401 → update the token, 404 → check the base URL, network → retry
// (with a Retry button that runs the retry).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ErrorState } from '../../../../renderer/src/frame/ErrorState';

afterEach(cleanup);

describe('ErrorState', () => {
  it.each([
    ['unauthorized', /Update the token/],
    ['not-found', /Check the base URL/],
    ['network', /retry/i],
    ['token-missing', /Set one in the profile/],
  ] as const)('%s says what to do', (code, advice) => {
    render(<ErrorState error={{ code, message: 'It failed.' }} />);
    expect(screen.getByRole('alert').textContent).toMatch(advice);
    expect(screen.getByRole('alert').textContent).toContain(`It failed. (${code})`);
  });

  it('offers Retry when the caller can retry', () => {
    let retried = 0;
    render(<ErrorState error={{ code: 'network', message: 'Connection refused.' }} onRetry={() => (retried += 1)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retried).toBe(1);
  });
});
