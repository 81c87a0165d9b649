// The stand-in for the `electron` module in Node tests: the only thing we fake, because no
// Electron binary runs here. Each fake records what our code asked of it, so security tests can
// check options, handlers and refusals.
import { EventEmitter } from 'node:events'
import { testEncryptor } from './testEncryptor'

type Handler = (event: unknown, ...args: unknown[]) => unknown

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, fn: Handler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, fn)
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel)
  },
}

let nextId = 1

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null
  sent: unknown[][] = []
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = h
  }
  send(...args: unknown[]) {
    this.sent.push(args)
  }
  isDestroyed() {
    return false
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = []
  static getAllWindows() {
    return BrowserWindow.instances
  }
  readonly webContents = new FakeWebContents()
  loadedUrl: string | null = null
  constructor(readonly options: Record<string, unknown>) {
    super()
    BrowserWindow.instances.push(this)
  }
  loadURL(url: string) {
    this.loadedUrl = url
    return Promise.resolve()
  }
  show() {}
}

export const shell = {
  opened: [] as string[],
  openExternal(url: string) {
    this.opened.push(url)
    return Promise.resolve()
  },
}

const permission = { request: null as unknown, check: null as unknown }
export const session = {
  permission,
  defaultSession: {
    setPermissionRequestHandler(h: unknown) {
      permission.request = h
    },
    setPermissionCheckHandler(h: unknown) {
      permission.check = h
    },
  },
}

export const safeStorage = testEncryptor()

export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, value: unknown) {
    this.exposed[key] = value
  },
}

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoked: [] as unknown[][],
  invoke(...args: unknown[]) {
    ipcRenderer.invoked.push(args)
    return Promise.resolve({ ok: true, value: null })
  },
})

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (req: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    this.privileged.push(...schemes)
  },
  handle(scheme: string, fn: (req: Request) => Promise<Response>) {
    this.handlers.set(scheme, fn)
  },
}

export const Menu = {
  built: null as unknown,
  buildFromTemplate(t: unknown) {
    return t
  },
  setApplicationMenu(m: unknown) {
    this.built = m
  },
}

export const app = {
  getVersion: () => '0.0.0-test',
  setName() {},
  setPath() {},
  requestSingleInstanceLock: () => true,
  whenReady: () => new Promise(() => {}),
  on() {},
  quit() {},
}

export default { ipcMain, BrowserWindow, shell, session, safeStorage, contextBridge, ipcRenderer, protocol, Menu, app }
