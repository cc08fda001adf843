import { describe, expect, it } from 'vitest';
import { renderList, resourceRows, table } from '../../../electron/host/cli/render';

const controlChars = (text: string): string[] => [...text].filter((ch) => ch.charCodeAt(0) < 32 && ch !== '\n');

describe('human table', () => {
  it('keeps tenant data from injecting newlines or terminal escapes', () => {
    const evil = { schemas: [], id: '1', userName: 'evil\u001b]0;pwned\u0007\nnext', active: true };
    const { headers, rows } = resourceRows([evil], 'Users');
    const text = table(headers, rows);
    expect(controlChars(text)).toEqual([]);
    expect(text.split('\n')).toHaveLength(2);
  });

  it('says plainly when a list is not verified complete', () => {
    const text = renderList({ complete: false, count: 1, reportedTotal: 5, Resources: [{ schemas: [], id: 'g', displayName: 'G', members: [] }] }, 'Groups');
    expect(text).toMatch(/1 groups, server reports 5; NOT verified complete/);
  });
});
