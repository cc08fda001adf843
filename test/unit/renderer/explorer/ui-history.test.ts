// The history of pages and opened resources that back/forward walk: opening a resource keeps the
// page it was opened from, a new place after going back drops the forward part (as a browser
// does), repeated places are not stacked, and the history is bounded.
import { describe, expect, it } from 'vitest';
import { createUiStore } from '../../../../renderer/src/store/ui';
import { createPageStore } from '../../../../renderer/src/store/pages';

describe('ui history', () => {
  it('walks back and forward through pages and opened resources', () => {
    const ui = createUiStore();
    const s = () => ui.getState();
    s().setView('feature:audit');
    s().open('Users', 'u1');
    expect(s()).toMatchObject({ view: 'feature:audit', detail: { kind: 'Users', id: 'u1' } });
    s().setView('Groups');
    // The detail stays open beside the new page.
    expect(s()).toMatchObject({ view: 'Groups', detail: { id: 'u1' } });
    s().back();
    expect(s()).toMatchObject({ view: 'feature:audit', detail: { id: 'u1' } });
    s().back();
    expect(s()).toMatchObject({ view: 'feature:audit', detail: null });
    s().forward();
    expect(s()).toMatchObject({ view: 'feature:audit', detail: { id: 'u1' } });
    // A new place after going back replaces the forward part.
    s().open('Users', 'u2');
    s().forward();
    expect(s().detail?.id).toBe('u2');
    expect(s().history.map((p) => p.detail?.id ?? p.view)).toEqual(['Users', 'feature:audit', 'u1', 'u2']);
    // Going where one already is adds nothing.
    s().open('Users', 'u2');
    expect(s().history).toHaveLength(4);
  });

  it('keeps at most 100 places and stops at either end', () => {
    const ui = createUiStore();
    for (let i = 0; i < 150; i += 1) ui.getState().open('Users', `u${i}`);
    expect(ui.getState().history).toHaveLength(100);
    for (let i = 0; i < 120; i += 1) ui.getState().back();
    expect(ui.getState()).toMatchObject({ at: 0, detail: { id: 'u50' } });
    for (let i = 0; i < 120; i += 1) ui.getState().forward();
    expect(ui.getState()).toMatchObject({ at: 99, detail: { id: 'u149' } });
  });

  it("clears one flow's page state by prefix and keeps the rest", () => {
    const pages = createPageStore();
    pages.getState().set('deactivate:flow:a:planned', 1);
    pages.getState().set('deactivate:flow:b:planned', 2);
    pages.getState().set('audit:view', 3);
    pages.getState().clear('deactivate:flow:a:');
    expect([...pages.getState().values.keys()]).toEqual(['deactivate:flow:b:planned', 'audit:view']);
  });
});
