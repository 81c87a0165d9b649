// Faults the emulator injects on API routes (never on recording files), from a spec like
// "429:0.05,500:0.02,504,slow:0.1,reset:0.01,malformed:0.01":
// - 429:p  — a rate-limit answer, alternating the two documented bodies (RL and OAS shapes) and
//   cycling Retry-After as seconds, as an HTTP-date, and absent;
// - 500:p  — the documented internal-error envelope;
// - 504    — every list request that is a full scan on the real service (sortBy=createdAt,
//   dateFrom or dateTo) times out; "504:p" makes it a fraction p of those;
// - slow:p — the answer comes 1.5-3 s late (still correct);
// - reset:p — the connection is destroyed, alternately before the response and in the middle of
//   its body;
// - malformed:p — 200 with a body that is not JSON (cut off, alternately not JSON at all).
// At most one fault per request, drawn in the order above from a seeded generator, so a run is
// repeatable given the order of requests.
import { mulberry32, type Rng } from './random'

export interface FaultSpec {
  rate429?: number
  rate500?: number
  /** 'always' or a rate, applied to createdAt sorts and date-filtered list requests. */
  gate504?: 'always' | number
  slow?: number
  reset?: number
  malformed?: number
  /** Fixed delay of a slow answer (ms); default 1500-3000. */
  slowMs?: number
}

const KNOWN = ['429', '500', '504', 'slow', 'reset', 'malformed']

/** Parses the CLI form; throws an Error whose message names the bad part. */
export function parseFaults(spec: string): FaultSpec {
  const out: FaultSpec = {}
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, rawRate, extra] = part.split(':') as [string, string | undefined, string | undefined]
    if (!KNOWN.includes(name)) throw new Error(`unknown fault "${name}" (known: ${KNOWN.join(', ')})`)
    if (extra !== undefined) throw new Error(`fault "${part}" has more than one ":"`)
    const rate = rawRate === undefined ? undefined : Number(rawRate)
    if (rate !== undefined && !(rawRate!.trim() !== '' && rate >= 0 && rate <= 1)) throw new Error(`fault "${name}" needs a rate between 0 and 1, not "${rawRate}"`)
    if (name === '504') out.gate504 = rate ?? 'always'
    else if (rate === undefined) throw new Error(`fault "${name}" needs a rate, e.g. ${name}:0.05`)
    else if (name === '429') out.rate429 = rate
    else if (name === '500') out.rate500 = rate
    else out[name as 'slow' | 'reset' | 'malformed'] = rate
  }
  return out
}

export const toFaultSpec = (f: FaultSpec | string | null | undefined): FaultSpec | null => (!f ? null : typeof f === 'string' ? parseFaults(f) : f)

export type Fault =
  | { kind: '429'; shape: 'rl' | 'oas'; retryAfter: 'seconds' | 'date' | 'none' }
  | { kind: '500' | '504' }
  | { kind: 'reset'; when: 'before' | 'during' }
  | { kind: 'malformed'; body: 'cut' | 'garbage' }
  | { kind: 'slow'; ms: number }

const RETRY_AFTER = ['seconds', 'date', 'none'] as const

export class FaultInjector {
  private readonly rng: Rng
  /** How many of each kind were drawn: lets a test see a fault that changes nothing visible (slow). */
  readonly counts: Record<string, number> = {}
  private n = 0

  constructor(
    public spec: FaultSpec | null,
    seed: number,
  ) {
    this.rng = mulberry32(seed ^ 0x5eed)
  }

  /** The fault for this request, if any. `expensive` marks createdAt sorts and date filters. */
  draw(expensive: boolean): Fault | null {
    const fault = this.choose(expensive)
    if (fault) this.counts[fault.kind] = (this.counts[fault.kind] ?? 0) + 1
    return fault
  }

  private choose(expensive: boolean): Fault | null {
    const s = this.spec
    if (!s) return null
    const r = this.rng
    const k = this.n++
    const hit = (rate: number | undefined) => rate !== undefined && rate > 0 && r() < rate
    if (expensive && s.gate504 !== undefined && (s.gate504 === 'always' || hit(s.gate504))) return { kind: '504' }
    if (hit(s.rate429)) return { kind: '429', shape: (this.counts['429'] ?? 0) % 2 ? 'oas' : 'rl', retryAfter: RETRY_AFTER[k % 3]! }
    if (hit(s.rate500)) return { kind: '500' }
    if (hit(s.reset)) return { kind: 'reset', when: (this.counts.reset ?? 0) % 2 ? 'during' : 'before' }
    if (hit(s.malformed)) return { kind: 'malformed', body: (this.counts.malformed ?? 0) % 2 ? 'garbage' : 'cut' }
    if (hit(s.slow)) return { kind: 'slow', ms: s.slowMs ?? 1500 + Math.floor(r() * 1500) }
    return null
  }
}
