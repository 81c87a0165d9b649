// Command-line flags → typed values. Every flag value is checked here, and a bad one is a
// UsageError naming the flag and what was expected (exit code 2).
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { CallQuery } from '@shared/query'
import { CALL_SORT_COLUMNS } from '@shared/query'
import { callQuerySchema } from '../main/store/callQuery.schema'

export class UsageError extends Error {}

export const FILTER_FLAGS = {
  status: { type: 'string' },
  type: { type: 'string' },
  reason: { type: 'string' },
  agent: { type: 'string' },
  campaign: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'min-duration': { type: 'string' },
  'max-duration': { type: 'string' },
  'min-cost': { type: 'string' },
  'max-cost': { type: 'string' },
  'min-latency': { type: 'string' },
  'max-latency': { type: 'string' },
  'has-recording': { type: 'string' },
  test: { type: 'string' },
  disposition: { type: 'string', multiple: true },
  text: { type: 'string' },
  sort: { type: 'string' },
  order: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
} as const satisfies ParseArgsConfig['options']

export const COMMON_FLAGS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options']

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''))
  }
}

const csv = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean))

export function number(flag: string, v: string | undefined, opts: { int?: boolean; min?: number } = {}): number | undefined {
  if (v === undefined) return undefined
  const n = Number(v)
  if (v.trim() === '' || !Number.isFinite(n) || (opts.int && !Number.isInteger(n)) || (opts.min !== undefined && n < opts.min)) {
    const kind = opts.int ? 'a whole number' : 'a number'
    throw new UsageError(`--${flag} must be ${kind}${opts.min !== undefined ? ` of at least ${opts.min}` : ''}, not "${v}"`)
  }
  return n
}

function yesNo(flag: string, v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined
  if (['yes', 'true', '1'].includes(v)) return true
  if (['no', 'false', '0'].includes(v)) return false
  throw new UsageError(`--${flag} must be yes or no, not "${v}"`)
}

function isoDate(flag: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined
  const t = Date.parse(v)
  if (Number.isNaN(t)) throw new UsageError(`--${flag} must be a date like 2026-11-01 or 2026-11-01T12:00:00Z, not "${v}"`)
  return new Date(t).toISOString()
}

export function oneOf<T extends string>(flag: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, not "${v}"`)
  return v as T
}

type FilterValues = { [K in keyof typeof FILTER_FLAGS]?: (typeof FILTER_FLAGS)[K] extends { multiple: true } ? string[] : string }

export function queryFromFlags(v: FilterValues): CallQuery {
  const dispositions = (v.disposition ?? []).map((d) => {
    const eq = d.indexOf('=')
    if (eq <= 0) throw new UsageError(`--disposition must look like identifier=value, not "${d}"`)
    return { identifier: d.slice(0, eq), values: d.slice(eq + 1).split(',') }
  })
  const query: CallQuery = {
    statuses: csv(v.status),
    types: csv(v.type),
    reasons: csv(v.reason),
    agentIds: csv(v.agent),
    campaignIds: csv(v.campaign),
    createdFrom: isoDate('from', v.from),
    createdTo: isoDate('to', v.to),
    durationMin: number('min-duration', v['min-duration']),
    durationMax: number('max-duration', v['max-duration']),
    costMin: number('min-cost', v['min-cost']),
    costMax: number('max-cost', v['max-cost']),
    latencyMin: number('min-latency', v['min-latency']),
    latencyMax: number('max-latency', v['max-latency']),
    hasRecording: yesNo('has-recording', v['has-recording']),
    isTest: yesNo('test', v.test),
    dispositions: dispositions.length ? dispositions : undefined,
    text: v.text,
    sortBy: oneOf('sort', v.sort, CALL_SORT_COLUMNS),
    sortOrder: oneOf('order', v.order, ['asc', 'desc'] as const),
    limit: number('limit', v.limit, { int: true, min: 1 }),
    offset: number('offset', v.offset, { int: true, min: 0 }),
  }
  const clean = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined))
  const parsed = callQuerySchema.safeParse(clean)
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  return parsed.data
}
