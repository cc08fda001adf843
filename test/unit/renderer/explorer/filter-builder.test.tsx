// @vitest-environment jsdom
// The filter builder against the real core: rows become SCIM filter text built and validated by
// explorer.validateFilter, typed text is checked with the error position, Apply hands over the
// validated text, and a finished listing says whether the server honoured the filter.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { InspectorApi, ListSummary } from '../../../../shared/channels';
import { FilterBuilder } from '../../../../renderer/src/explorer/FilterBuilder';
import { realApi } from './real-api';

let api: InspectorApi;
let close: () => Promise<void>;
beforeAll(async () => ({ api, close } = await realApi(20)));
afterAll(() => close());
afterEach(cleanup);

const summary = (honoured: boolean | null, warnings: string[] = []): ListSummary => ({
  listId: 'l1', kind: 'Users', complete: true, count: 3, reportedTotal: 3, warnings, serverHonouredFilter: honoured,
});

function setup(extra: Partial<Parameters<typeof FilterBuilder>[0]> = {}) {
  const applied: (string | undefined)[] = [];
  render(<FilterBuilder api={api} applied={undefined} summary={null} onApply={(f) => applied.push(f)} {...extra} />);
  return applied;
}

describe('FilterBuilder', () => {
  it('builds the SCIM filter text from attribute, operator, value and and/or rows', async () => {
    const applied = setup();
    fireEvent.change(screen.getByRole('combobox', { name: 'Attribute 1' }), { target: { value: 'emails.value' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Operator 1' }), { target: { value: 'co' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Value 1' }), { target: { value: 'say "hi"' } });
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'SCIM filter' })).toHaveProperty('value', 'emails.value co "say \\"hi\\""'));
    fireEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Join 2' }), { target: { value: 'or' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Attribute 2' }), { target: { value: 'active' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Operator 2' }), { target: { value: 'eq' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Value 2' }), { target: { value: 'false' } });
    const expected = 'emails.value co "say \\"hi\\"" or active eq false';
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'SCIM filter' })).toHaveProperty('value', expected));
    fireEvent.click(screen.getByRole('button', { name: 'Apply filter' }));
    expect(applied).toEqual([expected]);
  });

  it('"pr" needs no value and "not" negates the row', async () => {
    setup();
    fireEvent.change(screen.getByRole('combobox', { name: 'Attribute 1' }), { target: { value: 'title' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Operator 1' }), { target: { value: 'pr' } });
    expect(screen.queryByRole('textbox', { name: 'Value 1' })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'not' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'SCIM filter' })).toHaveProperty('value', 'not (title pr)'));
  });

  it('names the condition whose attribute is not valid and refuses to apply', async () => {
    const applied = setup();
    fireEvent.change(screen.getByRole('combobox', { name: 'Attribute 1' }), { target: { value: 'user name' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Value 1' }), { target: { value: 'x' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Condition 1: .*not a valid attribute name/);
    expect(screen.getByRole('button', { name: 'Apply filter' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Apply filter' }));
    expect(applied).toEqual([]);
  });

  it('checks typed filter text and reports where the syntax error is', async () => {
    setup();
    fireEvent.change(screen.getByRole('textbox', { name: 'SCIM filter' }), { target: { value: 'userName eq "a" and' } });
    expect((await screen.findByRole('alert')).textContent).toContain('position');
    fireEvent.change(screen.getByRole('textbox', { name: 'SCIM filter' }), { target: { value: 'userName eq "a"' } });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByRole('button', { name: 'Apply filter' })).toHaveProperty('disabled', false);
  });

  it('says whether the server honoured the applied filter, with the listing warnings', () => {
    setup({ applied: 'userName sw "a"', summary: summary(false, ['server ignored the filter; filtered locally']) });
    expect(screen.getByTestId('filter-status').textContent).toContain('The server ignored the filter; filtered locally.');
    expect(screen.getByText('server ignored the filter; filtered locally')).toBeTruthy();
    cleanup();
    setup({ applied: 'userName sw "a"', summary: summary(true) });
    expect(screen.getByTestId('filter-status').textContent).toContain('The server honoured the filter.');
  });
});
