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
  getSettings: () => ipcRenderer.invoke('settings:get'),
  updateSettings: (patch) => ipcRenderer.invoke('settings:update', patch),
  connect: (apiKey) => ipcRenderer.invoke('workspace:connect', apiKey),
  openDemo: () => ipcRenderer.invoke('workspace:openDemo'),
  listViews: () => ipcRenderer.invoke('views:list'),
  saveView: (view) => ipcRenderer.invoke('views:save', view),
  deleteView: (id) => ipcRenderer.invoke('views:delete', id),
  getListState: () => ipcRenderer.invoke('ui:getListState'),
  setListState: (state) => ipcRenderer.invoke('ui:setListState', state),
  listCalls: (query) => ipcRenderer.invoke('calls:list', query),
  callFacets: (query) => ipcRenderer.invoke('calls:facets', query),
  getCall: (callId) => ipcRenderer.invoke('calls:get', callId),
  startSync: () => ipcRenderer.invoke('sync:start'),
  cancelSync: () => ipcRenderer.invoke('sync:cancel'),
  syncStatus: () => ipcRenderer.invoke('sync:status'),
  openMedia: (callId) => ipcRenderer.invoke('media:open', callId),
  setAgentChannel: (callId, channel) => ipcRenderer.invoke('media:setAgentChannel', callId, channel),
  getReview: (callId) => ipcRenderer.invoke('review:get', callId),
  saveAnnotation: (input) => ipcRenderer.invoke('review:saveAnnotation', input),
  deleteAnnotation: (id) => ipcRenderer.invoke('review:deleteAnnotation', id),
  undoReview: (callId) => ipcRenderer.invoke('review:undo', callId),
  setTags: (callId, tags) => ipcRenderer.invoke('review:setTags', callId, tags),
  tagSuggestions: (prefix) => ipcRenderer.invoke('review:tagSuggestions', prefix),
  labelSuggestions: (prefix) => ipcRenderer.invoke('review:labelSuggestions', prefix),
  listRubrics: () => ipcRenderer.invoke('review:listRubrics'),
  saveRubric: (input) => ipcRenderer.invoke('review:saveRubric', input),
  saveScore: (input) => ipcRenderer.invoke('review:saveScore', input),
  setReviewStatus: (callId, status) => ipcRenderer.invoke('review:setStatus', callId, status),
  reviewNext: (viewId) => ipcRenderer.invoke('review:next', viewId),
  onNotice: (listener) => subscribe('app:notice', listener),
  onSyncProgress: (listener) => subscribe('sync:progress', listener),
}

contextBridge.exposeInMainWorld('api', api)
