// The application menu, built from Electron's standard roles so shortcuts and platform
// conventions (the macOS app menu, Edit for copy/paste in text fields) behave as users expect.
import { Menu, type MenuItemConstructorOptions } from 'electron'
import { openExternalSafe } from './external'

export function menuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const template: MenuItemConstructorOptions[] = []
  if (mac) template.push({ role: 'appMenu' })
  template.push(
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Atoms API documentation', click: () => openExternalSafe('https://docs.smallest.ai/voice-agents') },
      ],
    },
  )
  return template
}

export function installMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform)))
}
