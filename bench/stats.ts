// Percentiles and timing helpers for the benchmark.
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return round(sorted[rank]!)
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits

export function time<T>(work: () => T): [T, number] {
  const start = performance.now()
  const result = work()
  return [result, performance.now() - start]
}
