// The native menu: the usual roles (so copy/paste, zoom, full screen and the macOS app menu work
// as users expect) and a Help entry that goes out through the checked link helper.

import { Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { openExternalLink } from './links';

export const HELP_URL = 'https://datatracker.ietf.org/doc/html/rfc7644';

export function menuTemplate(platform: NodeJS.Platform, isPackaged: boolean): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        // Ctrl/Cmd+R belongs to the page (reload the listing, as in browser mode); reloading the
        // whole window, which drops loaded data, moves to Shift+Ctrl/Cmd+R.
        { role: 'reload', accelerator: 'Shift+CmdOrCtrl+R' },
        ...(isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'SCIM 2.0 protocol (RFC 7644)', click: () => void openExternalLink(shell, HELP_URL) }],
    },
  ];
  return template;
}

export function installMenu(platform: NodeJS.Platform, isPackaged: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(platform, isPackaged)));
}
