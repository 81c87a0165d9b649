// The window's webPreferences, navigation guards and permission policy.
import { beforeEach, describe, expect, it } from 'vitest'
import { BrowserWindow, session, shell } from 'electron'
import { createMainWindow, denyAllPermissions, secureWebPreferences } from '../../src/main/window'
import { isSafeExternalUrl } from '../../src/main/external'

type FakeWin = { options: { webPreferences: Record<string, unknown> }; webContents: FakeContents }
type FakeContents = {
  emit(event: string, ...args: unknown[]): boolean
  windowOpenHandler: (d: { url: string }) => { action: string }
}

const APP = 'earmark://app/index.html'
const opened = (shell as unknown as { opened: string[] }).opened

function navigate(contents: FakeContents, event: string, url: string): boolean {
  let prevented = false
  contents.emit(event, { preventDefault: () => (prevented = true) }, url)
  return prevented
}

describe('main window', () => {
  let win: FakeWin
  beforeEach(() => {
    opened.length = 0
    win = createMainWindow({ preload: '/x/preload.cjs', url: APP }) as unknown as FakeWin
  })

  it('uses sandboxed, isolated webPreferences with no Node in the page', () => {
    const prefs = win.options.webPreferences
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    expect(prefs).toEqual(secureWebPreferences('/x/preload.cjs'))
    expect(BrowserWindow.getAllWindows()).toContain(win)
  })

  it('allows navigation inside the app only', () => {
    expect(navigate(win.webContents, 'will-navigate', 'earmark://app/other.html')).toBe(false)
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'data:text/html,hi', 'earmark://elsewhere/x', 'javascript:alert(1)']) {
      expect(navigate(win.webContents, 'will-navigate', url), url).toBe(true)
      expect(navigate(win.webContents, 'will-redirect', url), url).toBe(true)
    }
  })

  it('opens only https links externally when navigation is refused', () => {
    navigate(win.webContents, 'will-navigate', 'https://docs.smallest.ai/')
    navigate(win.webContents, 'will-navigate', 'file:///etc/passwd')
    navigate(win.webContents, 'will-navigate', 'http://plain.example/')
    expect(opened).toEqual(['https://docs.smallest.ai/'])
  })

  it('denies every window.open, opening https ones in the browser', () => {
    expect(win.webContents.windowOpenHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(win.webContents.windowOpenHandler({ url: 'earmark://app/index.html' })).toEqual({ action: 'deny' })
    expect(win.webContents.windowOpenHandler({ url: 'smb://share/x' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://example.com/'])
  })

  it('refuses webviews', () => {
    let prevented = false
    win.webContents.emit('will-attach-webview', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
  })

  it('denies permission requests and checks', () => {
    denyAllPermissions()
    const perm = (session as unknown as { permission: { request: Function; check: Function } }).permission
    const answers: boolean[] = []
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) perm.request({}, p, (ok: boolean) => answers.push(ok))
    expect(answers).toEqual([false, false, false, false])
    expect(perm.check({}, 'media')).toBe(false)
  })

  it('judges external URLs strictly', () => {
    expect(isSafeExternalUrl('https://docs.smallest.ai/x')).toBe(true)
    for (const bad of ['http://x.com', 'file:///x', 'javascript:alert(1)', 'https://user:pw@x.com', 'not a url', 'https://']) {
      expect(isSafeExternalUrl(bad), bad).toBe(false)
    }
  })
})
