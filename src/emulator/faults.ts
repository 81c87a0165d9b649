// Faults the emulator injects on API routes, from a spec like
// "429:0.05,500:0.02,504,slow:0.1,reset:0.01,malformed:0.01". A bare "504" means every request
// with sortBy=createdAt or a date filter times out, as on large real accounts; "504:0.3" means
// 30% of those. Draws come from a seeded generator, so a test run is repeatable.
import { mulberry32, type Rng } from './random'

export interface FaultSpec {
  rate429?: number
  rate500?: number
  /** 'always' or a rate, applied to createdAt sorts and date-filtered list requests. */
  gate504?: 'always' | number
  slow?: number
  reset?: number
  malformed?: number
  slowMs?: number
}

const KNOWN = ['429', '500', '504', 'slow', 'reset', 'malformed']

export function parseFaults(spec: string): FaultSpec {
  const out: FaultSpec = {}
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, rawRate] = part.split(':') as [string, string | undefined]
    if (!KNOWN.includes(name)) throw new Error(`unknown fault "${name}" (known: ${KNOWN.join(', ')})`)
    const rate = rawRate === undefined ? undefined : Number(rawRate)
    if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new Error(`fault "${name}" needs a rate between 0 and 1, not "${rawRate}"`)
    if (name === '504') out.gate504 = rate ?? 'always'
    else if (rate === undefined) throw new Error(`fault "${name}" needs a rate, e.g. ${name}:0.05`)
    else if (name === '429') out.rate429 = rate
    else if (name === '500') out.rate500 = rate
    else out[name as 'slow' | 'reset' | 'malformed'] = rate
  }
  return out
}

export type Fault = { kind: '429'; shape: 'rl' | 'oas'; retryAfter: 'seconds' | 'date' | 'none' } | { kind: '500' | '504' | 'reset' | 'malformed' } | { kind: 'slow'; ms: number } | null

export class FaultInjector {
  private rng: Rng
  private n = 0

  constructor(
    public spec: FaultSpec | null,
    seed: number,
  ) {
    this.rng = mulberry32(seed ^ 0x5eed)
  }

  /** The fault for this request, if any. `expensive` marks createdAt sorts and date filters. */
  draw(expensive: boolean): Fault {
    const s = this.spec
    if (!s) return null
    const r = this.rng
    this.n++
    if (expensive && s.gate504 !== undefined && (s.gate504 === 'always' || r() < s.gate504)) return { kind: '504' }
    if (s.rate429 && r() < s.rate429) {
      const retryAfter = (['seconds', 'date', 'none'] as const)[this.n % 3]!
      return { kind: '429', shape: this.n % 2 ? 'rl' : 'oas', retryAfter }
    }
    if (s.rate500 && r() < s.rate500) return { kind: '500' }
    if (s.reset && r() < s.reset) return { kind: 'reset' }
    if (s.malformed && r() < s.malformed) return { kind: 'malformed' }
    if (s.slow && r() < s.slow) return { kind: 'slow', ms: s.slowMs ?? 1500 + Math.floor(r() * 1500) }
    return null
  }
}
