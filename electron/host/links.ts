// The one place the app opens anything outside itself (Desktop/Insomnia ban shell.openExternal
// elsewhere): https URLs only, no credentials in them. Anything else is refused and logged.

import type { Shell } from 'electron';

export function isSafeExternalUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Opens an https link in the user's browser; returns false (and opens nothing) otherwise. */
export async function openExternalLink(shell: Pick<Shell, 'openExternal'>, url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) {
    console.warn('[scim-inspector] refused to open a non-https link');
    return false;
  }
  await shell.openExternal(url);
  return true;
}
