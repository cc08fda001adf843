// A CSV file the admin picked, as text: decoded by its BOM (UTF-8, or UTF-16 as Excel saves
// "Unicode text") with the same rules main uses for --from-csv, never assumed UTF-8. The page
// reads the file itself and sends text: main never gets a path from the page.

import { decodeCsvBytes } from '../../../shared/csv-text';
import { toAppError, type AppError } from '../../../shared/errors';

export async function readPickedCsv(file: File): Promise<{ ok: true; text: string } | { ok: false; error: AppError }> {
  try {
    return { ok: true, text: decodeCsvBytes(new Uint8Array(await file.arrayBuffer()), file.name) };
  } catch (failure) {
    return { ok: false, error: toAppError(failure) };
  }
}
