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

describe('stderr for people', () => {
  it('neutralises escape sequences in server-supplied error text and warnings', async () => {
    const { createOutput } = await import('../../../electron/host/cli/output');
    let stderr = '';
    const out = createOutput({ stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) } }, { json: false, ndjson: false });
    out.error({ code: 'server-error', message: 'Server said: \u001b[2J\u001b]0;x\u0007boom' });
    out.warn('odd \u009b31m value');
    expect(controlChars(stderr.replace(/\n/g, ''))).toEqual([]);
    expect([...stderr].some((ch) => ch.charCodeAt(0) === 0x9b)).toBe(false);
    expect(stderr).toMatch(/boom/);
  });
});
