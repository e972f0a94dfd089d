/**
 * The application menu. A packaged console has no way into DevTools: no "Toggle Developer Tools", no reload that
 * would drop a duty officer's unsaved form, and `devTools: false` in every window (windows.ts). Development builds
 * keep them.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function appMenuTemplate(packaged: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!packaged) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [{ role: 'fileMenu' }, { role: 'editMenu' }, { label: 'View', submenu: view }, { role: 'windowMenu' }];
}

export function installAppMenu(packaged: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(packaged)));
}
