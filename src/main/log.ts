// The one logger of the Node side (app, CLI, emulator clients). Every line passes through
// redact(), so an API key can never reach a log even when it sits inside an error message or URL.

type Level = 'debug' | 'info' | 'warn' | 'error'

const secrets = new Set<string>()
let sink: (line: string) => void = (line) => process.stderr.write(line + '\n')
let minLevel: Level = process.env.EARMARK_LOG === 'debug' ? 'debug' : 'info'
const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 }

/** Registers a value (an API key) that must never be printed. */
export function addSecret(value: string): void {
  if (value.length >= 4) secrets.add(value)
}

const KEY_PATTERN = /\bsk_[A-Za-z0-9_-]{4,}/g
const BEARER_PATTERN = /(Bearer\s+)[^\s"']+/gi

export function redact(text: string): string {
  let out = text
  for (const s of secrets) out = out.split(s).join('[redacted]')
  return out.replace(KEY_PATTERN, 'sk_[redacted]').replace(BEARER_PATTERN, '$1[redacted]')
}

export function setLogSink(next: (line: string) => void, level: Level = minLevel): void {
  sink = next
  minLevel = level
}

function write(level: Level, scope: string, message: string, extra?: unknown): void {
  if (ORDER[level] < ORDER[minLevel]) return
  let line = `${new Date().toISOString()} ${level.toUpperCase()} [${scope}] ${message}`
  if (extra !== undefined) line += ' ' + (extra instanceof Error ? `${extra.name}: ${extra.message}` : safeJson(extra))
  sink(redact(line))
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v)
  } catch {
    return String(v)
  }
}

export interface Logger {
  debug(message: string, extra?: unknown): void
  info(message: string, extra?: unknown): void
  warn(message: string, extra?: unknown): void
  error(message: string, extra?: unknown): void
}

export function logger(scope: string): Logger {
  return {
    debug: (m, e) => write('debug', scope, m, e),
    info: (m, e) => write('info', scope, m, e),
    warn: (m, e) => write('warn', scope, m, e),
    error: (m, e) => write('error', scope, m, e),
  }
}
