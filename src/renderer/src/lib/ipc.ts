// The renderer's only door to the main process: wraps window.api, unwraps each Result and throws
// an AppError, so stores and components call ordinary async functions. The one seam to fake.
import { AppError, type Result } from '@shared/errors'
import type { Api } from '@shared/ipc/contract'

declare global {
  interface Window {
    api: Api
  }
}

async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (result.ok) return result.value
  throw AppError.fromData(result.error)
}

const api = (): Api => {
  if (!window.api) throw new AppError('INTERNAL', 'The Earmark bridge is missing: this page must run inside the Earmark app.')
  return window.api
}

export const ipc = {
  appInfo: () => unwrap(api().appInfo()),
  setApiKey: (key: string) => unwrap(api().setApiKey(key)),
  hasApiKey: () => unwrap(api().hasApiKey()),
  clearApiKey: () => unwrap(api().clearApiKey()),
  onNotice: (listener: Parameters<Api['onNotice']>[0]) => api().onNotice(listener),
}

/** A message for the user from anything thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof AppError) return err.message
  return 'Something went wrong. Please try again.'
}
