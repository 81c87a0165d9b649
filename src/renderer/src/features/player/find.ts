// Find within one call's transcript: every occurrence, in transcript order, case-insensitive.
export interface Match {
  turn: number
  /** Occurrence within that turn's text. */
  nth: number
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function findMatches(turns: readonly { index: number; text: string }[], query: string): Match[] {
  const q = query.trim()
  if (!q) return []
  const re = new RegExp(escapeRegExp(q), 'gi')
  const out: Match[] = []
  for (const t of turns) {
    let nth = 0
    for (const _ of t.text.matchAll(re)) out.push({ turn: t.index, nth: nth++ })
  }
  return out
}

/** Text split into plain and matching parts, for <mark>. */
export function splitMatches(text: string, query: string): { text: string; hit: boolean }[] {
  const q = query.trim()
  if (!q) return [{ text, hit: false }]
  return text.split(new RegExp(`(${escapeRegExp(q)})`, 'gi')).filter(Boolean).map((part) => ({ text: part, hit: part.toLowerCase() === q.toLowerCase() }))
}
