// App lifecycle only: single-instance lock, scheme registration, services, window, IPC.
import { join } from 'node:path'
import { app, BrowserWindow, safeStorage } from 'electron'
import { APP_ORIGIN, registerSchemes, serveRenderer } from './appProtocol'
import { push, registerIpc } from './ipc/handle'
import { serveMedia } from './media/mediaProtocol'
import { startBackgroundSync } from './sync/background'
import { installMenu } from './menu'
import { logger } from './log'
import { APP_NAME, defaultDataDir } from './paths'
import { createServices, type Services } from './services'
import { createMainWindow, denyAllPermissions } from './window'

const log = logger('app')

app.setName(APP_NAME)
const dataDir = defaultDataDir()
app.setPath('userData', dataDir)
registerSchemes()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let win: BrowserWindow | null = null
  let services: Services | null = null

  // The dev server URL is set by electron-vite only in `electron-vite dev`.
  const devUrl = process.env.ELECTRON_RENDERER_URL
  const appUrl = devUrl ?? `${APP_ORIGIN}/index.html`
  const origins = devUrl ? [new URL(devUrl).origin] : [APP_ORIGIN]

  const open = () => {
    win = createMainWindow({
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      url: appUrl,
      icon: join(import.meta.dirname, '../../resources/icon.png'),
    })
    win.on('closed', () => (win = null))
  }

  app.on('second-instance', () => {
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })

  app.whenReady().then(() => {
    installMenu()
    denyAllPermissions()
    serveRenderer(join(import.meta.dirname, '../renderer'))
    services = createServices({ dataDir, encryptor: safeStorage, version: app.getVersion(), electron: process.versions.electron ?? null })
    serveMedia(services.media, services.paths.recordings, origins[0]!)
    registerIpc(services.dispatch, { webContents: () => win?.webContents ?? null, origins })
    services.onSyncProgress((p) => push(win?.webContents ?? null, 'sync:progress', p))
    open()
    const s = services
    s.resume()
      .catch((err: unknown) => log.warn('the demo workspace could not be restarted', err))
      .finally(() => startBackgroundSync(s))
    log.info(`Earmark ${app.getVersion()} started, data in ${dataDir}`)
  })

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => services?.close())
}
