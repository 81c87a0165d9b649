// A sleep that ends at once with CANCELLED when the caller aborts (backoff waits and rate-limit
// waits must never delay a cancel).
import { AppError } from '@shared/errors'

export function cancelled(): AppError {
  return new AppError('CANCELLED', 'The request was cancelled.')
}

export function abortable(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(cancelled())
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, Math.max(0, ms))
    const onAbort = () => {
      clearTimeout(timer)
      reject(cancelled())
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
