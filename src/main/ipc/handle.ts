// The only module that touches ipcMain. Each channel of the contract is registered once; a call
// is answered only when it comes from our own window's main frame at our own origin, and its
// arguments are parsed before a handler sees them (dispatch.ts). Handlers never see the event.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { AppError } from '@shared/errors'
import { CHANNELS, type Push } from '@shared/ipc/contract'
import { logger } from '../log'
import { originOf } from '../origin'
import type { Dispatch } from './dispatch'

const log = logger('ipc')

export interface SenderPolicy {
  /** The webContents of our window (checked by id, so a second window is refused). */
  webContents: () => WebContents | null
  /** Origins our renderer is served from, e.g. "earmark://app". */
  origins: readonly string[]
}

export function senderRefusal(event: IpcMainInvokeEvent, policy: SenderPolicy): string | null {
  const ours = policy.webContents()
  if (!ours || event.sender.id !== ours.id) return 'not our window'
  const frame = event.senderFrame
  if (!frame) return 'frame is gone'
  if (frame.parent !== null) return 'not the main frame'
  const origin = originOf(frame.url)
  if (!origin || !policy.origins.includes(origin)) return `origin ${origin ?? '(unparseable)'} is not ours`
  return null
}

export function registerIpc(dispatch: Dispatch, policy: SenderPolicy): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      const refusal = senderRefusal(event, policy)
      if (refusal) {
        log.warn(`refused ${channel}: ${refusal}`)
        return { ok: false, error: new AppError('FORBIDDEN', 'This request did not come from the Earmark window.').toData() }
      }
      return dispatch(channel, args)
    })
  }
}

export function push<C extends keyof Push>(target: WebContents | null, channel: C, ...payload: Parameters<Push[C]>): void {
  if (target && !target.isDestroyed()) target.send(channel, ...payload)
}
