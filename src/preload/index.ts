// The bridge: window.api with exactly one function per contract channel and nothing generic
// (no invoke(channel), no ipcRenderer, no require). Must change with shared/ipc/contract.ts;
// tests/security/preload.test.ts checks the two match.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { Api, Push } from '@shared/ipc/contract'

function subscribe<C extends keyof Push>(channel: C, listener: Push[C]): () => void {
  const wrapped = (_event: IpcRendererEvent, ...args: unknown[]) => (listener as (...a: unknown[]) => void)(...args)
  ipcRenderer.on(channel, wrapped)
  return () => ipcRenderer.removeListener(channel, wrapped)
}

const api: Api = {
  appInfo: () => ipcRenderer.invoke('app:info'),
  setApiKey: (key) => ipcRenderer.invoke('settings:setApiKey', key),
  hasApiKey: () => ipcRenderer.invoke('settings:hasApiKey'),
  clearApiKey: () => ipcRenderer.invoke('settings:clearApiKey'),
  onNotice: (listener) => subscribe('app:notice', listener),
}

contextBridge.exposeInMainWorld('api', api)
