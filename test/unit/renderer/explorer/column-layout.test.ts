// The grid's column layout (issue 17): moving, hiding, adding attribute columns and widths, as the
// header handle, the column chooser and saved views change them; and which cell a row gives a
// column (fixed cells by position, attribute cells in the order main was asked for them).
import { describe, expect, it } from 'vitest';
import { attributeColumns, cellOf, clampWidth, gridTemplate, MAX_WIDTH, MIN_WIDTH, moved, movedTo, toggled } from '../../../../renderer/src/store/column-layout';
import { createUiStore } from '../../../../renderer/src/store/ui';
import { columnsOf } from '../../../../shared/columns';

const DEPARTMENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department';

describe('column layout', () => {
  it('moves a column by places and to a place, clamped at the ends', () => {
    const cols = ['userName', 'displayName', 'emails', 'active'];
    expect(moved(cols, 'emails', -1)).toEqual(['userName', 'emails', 'displayName', 'active']);
    expect(moved(cols, 'userName', -1)).toEqual(cols);
    expect(moved(cols, 'active', 5)).toEqual(cols);
    expect(movedTo(cols, 'active', 0)).toEqual(['active', 'userName', 'displayName', 'emails']);
    expect(movedTo(cols, 'nope', 0)).toEqual(cols);
  });

  it('hides and shows columns (shown ones go last), never the last column', () => {
    expect(toggled(['userName', 'emails'], 'emails')).toEqual(['userName']);
    expect(toggled(['userName'], 'userName')).toEqual(['userName']);
    expect(toggled(['userName'], DEPARTMENT)).toEqual(['userName', DEPARTMENT]);
  });

  it('reads fixed cells by position and attribute cells in the order asked', () => {
    const columns = ['emails', DEPARTMENT, 'userName', 'name.givenName'];
    expect(attributeColumns('Users', columns)).toEqual([DEPARTMENT, 'name.givenName']);
    const row = { cells: columnsOf('Users').map((c) => `cell:${c}`), attributes: ['R&D', 'Inés'] };
    expect(columns.map((c) => cellOf('Users', columns, row, c))).toEqual(['cell:emails', 'R&D', 'cell:userName', 'Inés']);
    expect(cellOf('Users', columns, undefined, 'userName')).toBe('');
  });

  it('gives widths in pixels within bounds, defaults for the rest', () => {
    expect(clampWidth(1)).toBe(MIN_WIDTH);
    expect(clampWidth(10_000)).toBe(MAX_WIDTH);
    expect(gridTemplate(['userName', 'active', DEPARTMENT], { userName: 240 })).toBe('2rem 240px 4.5rem minmax(8rem, 1fr)');
  });
});

describe('ui store columns', () => {
  it('moves, resizes, hides (dropping its sort) and applies a layout or the default', () => {
    const ui = createUiStore();
    const s = () => ui.getState();
    s().moveColumn('Users', 'emails', -2);
    expect(s().columns.Users.slice(0, 3)).toEqual(['emails', 'userName', 'displayName']);
    s().setWidth('Users', 'emails', 5);
    expect(s().widths.Users.emails).toBe(MIN_WIDTH);
    s().toggleColumn('Users', DEPARTMENT);
    s().toggleSort('Users', DEPARTMENT);
    expect(s().sort.Users).toEqual({ column: DEPARTMENT, dir: 'asc' });
    s().toggleColumn('Users', DEPARTMENT);
    expect(s().sort.Users).toBeNull();
    s().applyLayout('Users', { columns: [DEPARTMENT, 'userName'], widths: { userName: 300 }, sort: { column: 'userName', dir: 'desc' }, search: 'x' });
    expect([s().columns.Users, s().widths.Users, s().sort.Users, s().search.Users]).toEqual([[DEPARTMENT, 'userName'], { userName: 300 }, { column: 'userName', dir: 'desc' }, 'x']);
    s().applyLayout('Users', null);
    expect([s().columns.Users, s().widths.Users, s().sort.Users, s().search.Users]).toEqual([[...columnsOf('Users')], {}, null, '']);
    // The other table is untouched.
    expect(s().columns.Groups).toEqual([...columnsOf('Groups')]);
  });
});
