// Which first rows are a header, which are data, and which only the admin can tell; and how CSV
// bytes are decoded (UTF-8, UTF-16 with or without a BOM, a legacy code page refused by line).
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../shared/csv-text';
import { describeHeader, headerVerdict } from '../../../electron/core/csv/header';
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
    // Edges of "a value no header holds" (mutants of header.ts survived these):
    [[' 104233 '], 'data'],
    [['42'], 'data'],
    [['ab123'], 'data'],
    [['12ab'], 'unsure'],
    [['ab12'], 'unsure'],
    [['Leavers 2024'], 'unsure'],
    [['email', 'Alice'], 'header'],
    [['Alice', 'ana@example.com'], 'data'],
  ] as const)('%j is %s', (row, verdict) => {
    expect(headerVerdict(row)).toBe(verdict);
  });

  it('is settled by a named column, and unsure rows are read as data but flagged', () => {
    expect(headerVerdict(['mail', 'name'], 'mail')).toBe('header');
    expect(headerVerdict(['alice'], 'mail')).toBe('data');
    // Named with stray spaces on either side, or by a name with digits in it, it still settles it.
    expect(headerVerdict([' mail '], 'mail')).toBe('header');
    expect(headerVerdict(['mail'], ' mail ')).toBe('header');
    expect(headerVerdict(['col2', 'x'], 'col2')).toBe('header');
    expect(headerVerdict(['2nd'], '2nd')).toBe('header');
    // A column given by number settles nothing: the row decides.
    expect(headerVerdict(['alice'], '12')).toBe('unsure');
    expect(headerVerdict(['alice'], ' 3 ')).toBe('unsure');
    const table = parseCsvText('alice\nbob\n');
    expect(table).toMatchObject({ hasHeader: false, headerCertain: false, firstRow: ['alice'], rows: [['alice'], ['bob']] });
    expect(parseCsvText('alice\nbob\n', { hasHeader: true })).toMatchObject({ hasHeader: true, headerCertain: true, rows: [['bob']] });
  });
});

describe('how the first row was read, in words', () => {
  it('names the row and where values start, cutting long cells at 40 characters', () => {
    expect(describeHeader({ hasHeader: true, firstRow: ['email', 'name'], lines: [3] }, 'leavers.csv')).toBe('leavers.csv: line 1 ("email", "name") is the header; values start at line 3.');
    expect(describeHeader({ hasHeader: true, firstRow: ['email'], lines: [] }, 'f.csv')).toBe('f.csv: line 1 ("email") is the header; values start at line 2.');
    const long = 'x'.repeat(45);
    expect(describeHeader({ hasHeader: false, firstRow: [long, 'y'.repeat(40)], lines: [1] }, 'f.csv')).toBe(`f.csv has no header row: line 1 ("${'x'.repeat(40)}…", "${'y'.repeat(40)}") is a value.`);
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
