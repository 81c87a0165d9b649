// Turns a raw (channel, args) pair into a Result: unknown channel or bad arguments become
// INVALID_INPUT, anything a handler throws becomes AppErrorData. Pure of Electron, so the
// e2e harness forwards the renderer's calls through exactly this function.
import { AppError, toErrorData, type Result } from '@shared/errors'
import type { Channel, Invoke } from '@shared/ipc/contract'
import { logger } from '../log'
import { argSchemas } from './schemas'

export type Handlers = {
  [C in Channel]: (...args: Parameters<Invoke[C]>) => ReturnType<Invoke[C]> | Promise<ReturnType<Invoke[C]>>
}

export type Dispatch = (channel: string, args: unknown[]) => Promise<Result<unknown>>

const log = logger('ipc')

function isChannel(channel: string): channel is Channel {
  return Object.prototype.hasOwnProperty.call(argSchemas, channel)
}

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .map((i) => (i.path.length ? `argument ${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ')
}

export function createDispatch(handlers: Handlers): Dispatch {
  return async (channel, args) => {
    if (!isChannel(channel)) {
      log.warn(`refused unknown channel ${JSON.stringify(channel).slice(0, 80)}`)
      return { ok: false, error: new AppError('INVALID_INPUT', `Unknown request "${channel}".`).toData() }
    }
    const parsed = argSchemas[channel].safeParse(args)
    if (!parsed.success) {
      const reason = describeIssues(parsed.error)
      log.warn(`refused ${channel}: ${reason}`)
      return { ok: false, error: new AppError('INVALID_INPUT', `Invalid request to ${channel}: ${reason}`).toData() }
    }
    try {
      const handler = handlers[channel] as (...a: unknown[]) => unknown
      return { ok: true, value: await handler(...(parsed.data as unknown[])) }
    } catch (err) {
      if (!(err instanceof AppError)) log.error(`${channel} failed`, err)
      return { ok: false, error: toErrorData(err) }
    }
  }
}
