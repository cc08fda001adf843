// @vitest-environment jsdom
// Bulk deactivation is confirmed by typing the count: the button stays disabled until the exact
// number is typed, and neither a click nor Enter confirms anything else.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TypedConfirm } from '../../../../renderer/src/features/deactivate/TypedConfirm';

afterEach(cleanup);

function setup(count: number) {
  const confirmed: number[] = [];
  render(<TypedConfirm count={count} verb="deactivate" onConfirm={(n) => confirmed.push(n)} />);
  const input = screen.getByLabelText(/Type 3 to deactivate 3 users|Type \d+ to/) as HTMLInputElement;
  const button = screen.getByRole('button', { name: new RegExp(`Deactivate ${count} user`) }) as HTMLButtonElement;
  return { confirmed, input, button };
}

describe('TypedConfirm', () => {
  it('stays disabled until the exact count is typed', () => {
    const { input, button, confirmed } = setup(3);
    expect(button.disabled).toBe(true);
    fireEvent.change(input, { target: { value: '30' } });
    expect(button.disabled).toBe(true);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(confirmed).toEqual([]);
    fireEvent.change(input, { target: { value: '3' } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    expect(confirmed).toEqual([3]);
  });

  it('does not confirm on Enter with a different number', () => {
    const { input, confirmed } = setup(1200);
    fireEvent.change(input, { target: { value: '120' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(confirmed).toEqual([]);
    fireEvent.change(input, { target: { value: ' 1200 ' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(confirmed).toEqual([1200]);
  });
});
