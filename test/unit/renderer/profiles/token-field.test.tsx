// @vitest-environment jsdom
// The token field: paste strips "Bearer " and surrounding whitespace with a notice, warns about
// whitespace inside, and the value is handed over once and cleared from the field.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenField } from '../../../../renderer/src/profiles/TokenField';
import { inspectPastedToken } from '../../../../renderer/src/profiles/token-input';

afterEach(cleanup);

function paste(input: HTMLElement, text: string): void {
  fireEvent.paste(input, { clipboardData: { getData: (type: string) => (type === 'text' ? text : '') } });
}

function setup() {
  const sent: string[] = [];
  let release: () => void = () => undefined;
  const onSubmit = (token: string) => {
    sent.push(token);
    return new Promise<void>((done) => {
      release = done;
    });
  };
  render(<TokenField submitLabel="Save token" onSubmit={onSubmit} />);
  const input = screen.getByLabelText('Bearer token');
  return { sent, input: input as HTMLInputElement, release: () => release() };
}

describe('TokenField', () => {
  it('is a password field that never autocompletes', () => {
    const { input } = setup();
    expect(input.type).toBe('password');
    expect(input.autocomplete).toBe('off');
  });

  it('strips a pasted "Bearer " prefix with a notice that does not quote the token', () => {
    const { input } = setup();
    paste(input, '  Bearer abcdef0123456789XYZ \n');
    expect(input.value).toBe('abcdef0123456789XYZ');
    const notices = screen.getAllByRole('status').map((n) => n.textContent ?? '');
    expect(notices.join(' ')).toMatch(/Removed a leading "Bearer "/);
    expect(notices.join(' ')).not.toContain('abcdef0123456789XYZ');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns when the pasted text has whitespace inside the token', () => {
    const { input } = setup();
    paste(input, 'abc def\tghi');
    expect(screen.getByRole('alert').textContent).toMatch(/whitespace/);
  });

  it('sends the value once and clears the field before main answers', async () => {
    const { input, sent, release } = setup();
    paste(input, 'tok-0123456789abcdef');
    fireEvent.click(screen.getByRole('button', { name: 'Save token' }));
    expect(sent).toEqual(['tok-0123456789abcdef']);
    expect(input.value).toBe('');
    // Nothing left to send a second time.
    expect((screen.getByRole('button', { name: 'Save token' }) as HTMLButtonElement).disabled).toBe(true);
    release();
    await waitFor(() => expect(input.disabled).toBe(false));
    expect(input.value).toBe('');
    expect(sent).toHaveLength(1);
  });
});

describe('inspectPastedToken', () => {
  it('trims, strips Bearer case-insensitively and flags inner whitespace', () => {
    expect(inspectPastedToken('bearer   xyz')).toMatchObject({ value: 'xyz', warnings: [] });
    expect(inspectPastedToken('xyz')).toEqual({ value: 'xyz', notices: [], warnings: [] });
    expect(inspectPastedToken('x y').warnings).toHaveLength(1);
    expect(inspectPastedToken('Bearer').value).toBe('');
  });
});
