// Errors cross the IPC boundary as data (Electron keeps only `message` of a thrown error), so
// every failure is mapped to one of a closed set of codes with a human message.
// Changing this set means changing the renderer's error display (renderer/src/lib/ipc.ts).

export const ERROR_CODES = [
  'UNAUTHORIZED', // the Atoms API refused the key
  'FORBIDDEN', // an IPC message came from a sender that is not our window
  'NOT_FOUND',
  'OFFLINE', // the API host could not be reached
  'RATE_LIMITED',
  'INVALID_INPUT', // bad arguments, flags, files or payloads
  'CONFLICT',
  'CANCELLED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppErrorData {
  code: ErrorCode
  message: string
  retryable: boolean
}

const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['OFFLINE', 'RATE_LIMITED', 'INTERNAL'])

/** A failure with a code the user interface and the CLI know how to explain. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly retryable: boolean

  constructor(code: ErrorCode, message: string, options?: { retryable?: boolean; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.retryable = options?.retryable ?? RETRYABLE.has(code)
  }

  toData(): AppErrorData {
    return { code: this.code, message: this.message, retryable: this.retryable }
  }

  static fromData(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, { retryable: data.retryable })
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData }

/** Maps anything thrown to AppErrorData; unknown errors become INTERNAL without leaking details. */
export function toErrorData(err: unknown): AppErrorData {
  if (err instanceof AppError) return err.toData()
  return { code: 'INTERNAL', message: 'Something went wrong inside Earmark. Details are in the log.', retryable: true }
}
