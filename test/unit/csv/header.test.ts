// Which first rows are a header, which are data, and which only the admin can tell; and how CSV
// bytes are decoded (UTF-8, UTF-16 with or without a BOM, a legacy code page refused by line).
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../shared/csv-text';
import { headerVerdict } from '../../../electron/core/csv/header';
import { parseCsvText } from '../../../electron/core/csv/read';

describe('the first row', () => {
  it.each([
    [['email'], 'header'],
    [['User Name', 'E-mail Address'], 'header'],
    [['externalId'], 'header'],
    [['ana@example.com'], 'data'],
    [['2819c223-7f76-453a-919d-413861904646'], 'data'],
    [['b09516acc5d280cf3842637e'], 'data'],
    [['00u4b46c19d878a82852'], 'data'],
    [['104233'], 'data'],
    [['Leavers'], 'unsure'],
    [['alice'], 'unsure'],
    [['Alice', 'Engineering'], 'unsure'],
  ] as const)('%j is %s', (row, verdict) => {
    expect(headerVerdict(row)).toBe(verdict);
  });

  it('is settled by a named column, and unsure rows are read as data but flagged', () => {
    expect(headerVerdict(['mail', 'name'], 'mail')).toBe('header');
    expect(headerVerdict(['alice'], 'mail')).toBe('data');
    const table = parseCsvText('alice\nbob\n');
    expect(table).toMatchObject({ hasHeader: false, headerCertain: false, firstRow: ['alice'], rows: [['alice'], ['bob']] });
    expect(parseCsvText('alice\nbob\n', { hasHeader: true })).toMatchObject({ hasHeader: true, headerCertain: true, rows: [['bob']] });
  });
});

describe('CSV bytes', () => {
  const text = 'email\r\nzoë@example.com\r\n';
  it('decodes UTF-8 with or without a BOM and UTF-16 with or without one, either byte order', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const bytes of [Buffer.from(text), Buffer.from(`\uFEFF${text}`), Buffer.from(`\uFEFF${text}`, 'utf16le'), le, be]) {
      expect(parseCsvText(decodeCsvBytes(bytes, 'f.csv')).rows).toEqual([['zoë@example.com']]);
    }
  });

  it('refuses a legacy code page, naming the line and what to do', () => {
    expect(() => decodeCsvBytes(Buffer.from(text, 'latin1'), 'f.csv')).toThrowError(expect.objectContaining({ code: 'invalid-csv', message: expect.stringMatching(/f\.csv is not UTF-8 text: line 2 .*CSV UTF-8/) }));
  });
});
