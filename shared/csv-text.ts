// Bytes of a CSV file an admin brings → text, the same in main (CLI, --from-csv, --idp-csv) and
// in the page (an imported file): UTF-8 with or without a BOM, UTF-16 (Excel's "Unicode text"
// and PowerShell exports) by its BOM or by its zero bytes, and a clear refusal for anything else
// rather than a parse error about quotes in text that was never decoded right.

import { InspectorError } from './errors';

function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  // ASCII text in UTF-16 has a zero byte in every pair: at odd offsets (LE) or even ones (BE).
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i += 1) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even += 1;
    else odd += 1;
  }
  const pairs = sample / 2;
  if (odd > pairs * 0.3 && even === 0) return 'utf-16le';
  if (even > pairs * 0.3 && odd === 0) return 'utf-16be';
  return null;
}

function encodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  return utf16Without(bytes) ?? 'utf-8';
}

/** The text of a CSV file; invalid-csv naming the line when it is not UTF-8 or UTF-16. */
export function decodeCsvBytes(bytes: Uint8Array, source: string): string {
  const encoding = encodingOf(bytes);
  // The BOM is kept as U+FEFF (ignoreBOM) for the CSV reader, which strips it in every encoding.
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    const at = loose.indexOf('\uFFFD');
    const line = at === -1 ? 1 : loose.slice(0, at).split('\n').length;
    throw new InspectorError(
      'invalid-csv',
      `${source} is not UTF-8 text: line ${line} holds bytes that are not UTF-8 (probably a legacy code page such as Windows-1252). Save it as "CSV UTF-8" (or UTF-16) and try again; nothing was done.`,
      { file: source, line },
    );
  }
}
