// Waiting that a cancel can always interrupt. Backoff sleeps, rate-limiter waits and Retry-After
// pauses all go through a Sleep, so the caller's AbortSignal ends any of them at once with
// CANCELLED, and tests can inject a sleep that records delays instead of spending them.
import { AppError } from '@shared/errors'

/** Resolves after `ms` unless `signal` aborts first (then rejects with CANCELLED). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export function cancelled(): AppError {
  return new AppError('CANCELLED', 'The request was cancelled.')
}

export const abortableSleep: Sleep = (ms, signal) => {
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

/**
 * Waits for `work`, but rejects with CANCELLED as soon as `signal` aborts: an injected Sleep that
 * ignores the signal must still not delay a cancel.
 */
export function untilAborted<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work
  if (signal.aborted) {
    work.catch(() => {}) // its outcome no longer matters, but must not surface as unhandled
    return Promise.reject(cancelled())
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled())
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e: unknown) => (signal.removeEventListener('abort', onAbort), reject(e)),
    )
  })
}
