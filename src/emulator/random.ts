// Deterministic randomness for the emulator: the same seed gives the same calls, byte for byte.
// Every call draws from its own generator (seed, index, salt), so any one call can be rebuilt on
// demand without replaying the others — that is what keeps start-up fast at 100k calls.
export type Rng = () => number

/** mulberry32: tiny, fast and good enough for test data. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A generator for item i of a dataset, independent of every other item (salt: which aspect). */
export const rngFor = (seed: number, i: number, salt = 0): Rng => mulberry32((seed * 2654435761) ^ (i * 40503) ^ (salt * 97531))

export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!

/** A value from [value, weight] pairs. */
export function weighted<T>(r: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0)
  let x = r() * total
  for (const [v, w] of table) if ((x -= w) < 0) return v
  return table[table.length - 1]![0]
}

const HEX = '0123456789abcdef'

export function hex(r: Rng, n: number): string {
  let s = ''
  for (let k = 0; k < n; k++) s += HEX[Math.floor(r() * 16)]
  return s
}

/** A stateless hash of integers to [0, 1): per-sample noise and per-syllable variation in audio. */
export function hash01(a: number, b: number): number {
  let x = Math.imul(a | 0, 374761393) ^ Math.imul(b | 0, 668265263)
  x = Math.imul(x ^ (x >>> 13), 1274126177)
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296
}
