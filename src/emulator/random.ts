// Deterministic randomness: the same seed gives the same calls, byte for byte.
export type Rng = () => number

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

/** A generator for item i of a dataset, independent of every other item. */
export const rngFor = (seed: number, i: number, salt = 0): Rng => mulberry32((seed * 2654435761) ^ (i * 40503) ^ (salt * 97531))

export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!

export function weighted<T>(r: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0)
  let x = r() * total
  for (const [v, w] of table) if ((x -= w) < 0) return v
  return table[table.length - 1]![0]
}

export const hex = (r: Rng, n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('')
