// The main window: locked-down webPreferences, navigation and window.open refused, every
// permission request denied. Anything that changes here must keep tests/security/window.test.ts
// green: those tests are the spec of these options.
import { BrowserWindow, session, type WebPreferences } from 'electron'
import { openExternalSafe } from './external'
import { logger } from './log'
import { originOf } from './origin'

const log = logger('window')

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  }
}

export interface WindowOptions {
  preload: string
  url: string
  icon?: string
}

export function createMainWindow(opts: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Earmark',
    backgroundColor: '#111418',
    ...(opts.icon ? { icon: opts.icon } : {}),
    webPreferences: secureWebPreferences(opts.preload),
  })
  guardWebContents(win.webContents, opts.url)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(opts.url)
  return win
}

/** Refuses navigation away from the app and new windows; https links open in the browser. */
export function guardWebContents(contents: Electron.WebContents, appUrl: string): void {
  const appOrigin = originOf(appUrl)
  contents.on('will-navigate', (event, url) => {
    if (originOf(url) === appOrigin) return
    event.preventDefault()
    log.warn(`blocked navigation to ${url.slice(0, 120)}`)
    openExternalSafe(url)
  })
  contents.on('will-redirect', (event, url) => {
    if (originOf(url) === appOrigin) return
    event.preventDefault()
    log.warn(`blocked redirect to ${url.slice(0, 120)}`)
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('blocked a webview')
  })
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafe(url)
    return { action: 'deny' }
  })
}


/** Denies every permission (camera, microphone, notifications, geolocation, ...). */
export function denyAllPermissions(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    log.warn(`denied permission request: ${permission}`)
    callback(false)
  })
  ses.setPermissionCheckHandler(() => false)
}
