import { describe, expect, it } from 'vitest';
import { listFooter, resourceRows } from '../../../electron/host/cli/render';
import { TableBlocks } from '../../../electron/host/cli/table-stream';

const controlChars = (text: string): string[] => [...text].filter((ch) => ch.charCodeAt(0) < 32 && ch !== '\n');

describe('human table', () => {
  it('keeps tenant data from injecting newlines or terminal escapes', () => {
    const evil = { schemas: [], id: '1', userName: 'evil\u001b]0;pwned\u0007\nnext', active: true };
    const { headers, rows } = resourceRows([evil], 'Users');
    const text = new TableBlocks(headers).page(rows);
    expect(controlChars(text.replace(/\n/g, ''))).toEqual([]);
    expect(text.trimEnd().split('\n')).toHaveLength(2);
  });

  it('says plainly when a list is not verified complete', () => {
    expect(listFooter({ complete: false, count: 1, reportedTotal: 5 }, 'Groups')).toBe('1 groups, server reports 5; NOT verified complete');
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
