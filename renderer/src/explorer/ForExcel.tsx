// "For Excel (UTF-8 BOM)": one choice for every CSV export of the app (tables, selection, audit).
// Excel opens a CSV without a byte order mark in the system's code page and garbles "Inés
// Παπαδόπουλος"; with the choice on, main starts the file with EF BB BF (rows are CRLF always).
// The choice lives in the app's page state, so it holds across pages until the window closes.

import { memo } from 'react';
import { usePageState } from '../store/pages';

const KEY = 'export:forExcel';

export function useForExcel(): [boolean, (on: boolean) => void] {
  return usePageState<boolean>(KEY, false);
}

export const ForExcelCheckbox = memo(function ForExcelCheckbox() {
  const [on, setOn] = useForExcel();
  return (
    <label title="Start CSV files with a UTF-8 byte order mark so Excel reads accents and non-Latin names correctly">
      <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} /> For Excel (UTF-8 BOM)
    </label>
  );
});
