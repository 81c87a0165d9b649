// The one IPC contract. Every channel the renderer may invoke is listed here with its argument
// and return types; main (ipc/handlers), the preload (window.api) and the renderer (lib/ipc.ts)
// are all derived from it. Adding a channel means: a line in Invoke, a method name in
// API_METHODS, an argument schema in main/ipc/schemas.ts, a handler, and a preload one-liner.
import type { Result } from '../errors'
import type { AppInfo, KeyStatus } from './types'

export interface Invoke {
  'app:info': () => AppInfo
  'settings:setApiKey': (key: string) => KeyStatus
  'settings:hasApiKey': () => KeyStatus
  'settings:clearApiKey': () => KeyStatus
}

/** Events main pushes to the renderer. */
export interface Push {
  'app:notice': (notice: { level: 'info' | 'warning' | 'error'; message: string }) => void
}

export type Channel = keyof Invoke
export type PushChannel = keyof Push

/** window.api method name → channel. The preload exposes exactly these methods. */
export const API_METHODS = {
  appInfo: 'app:info',
  setApiKey: 'settings:setApiKey',
  hasApiKey: 'settings:hasApiKey',
  clearApiKey: 'settings:clearApiKey',
} as const satisfies Record<string, Channel>

/** window.api subscription name → push channel. Each returns an unsubscribe function. */
export const API_SUBSCRIPTIONS = {
  onNotice: 'app:notice',
} as const satisfies Record<string, PushChannel>

type Methods = typeof API_METHODS
type Subs = typeof API_SUBSCRIPTIONS

export type Api = {
  [M in keyof Methods]: (...args: Parameters<Invoke[Methods[M]]>) => Promise<Result<ReturnType<Invoke[Methods[M]]>>>
} & {
  [S in keyof Subs]: (listener: Push[Subs[S]]) => () => void
}

export const CHANNELS = Object.values(API_METHODS) as Channel[]
