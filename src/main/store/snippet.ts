// Search snippets made in JavaScript from the stored text of the page's rows. FTS5's snippet()
// re-reads and re-tokenises every matching document (about 1 ms a call here, 100 ms a page);
// this finds the first match the same way the index does (case and accents folded, the last word
// a prefix) and cuts a window of words around it.
import { HIGHLIGHT_END, HIGHLIGHT_START } from '@shared/query'

const WORD = /[\p{L}\p{N}]+/gu
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

export function queryWords(text: string): string[] {
  return (text.match(WORD) ?? []).map(fold)
}

/** A window of about `size` words around the first match, matches marked; null when none. */
export function snippet(doc: string, words: string[], size = 14): string | null {
  if (!doc || words.length === 0) return null
  const last = words.length - 1
  const isHit = (token: string) => words.some((w, i) => (i === last ? token.startsWith(w) : token === w))
  // Only the window is kept, and reading stops once it is full: a page of 100 results used to
  // tokenise every transcript whole.
  const before = Math.floor(size / 3)
  const window: RegExpExecArray[] = []
  let dropped = 0
  let hit = false
  let more = false
  for (const t of doc.matchAll(WORD) as IterableIterator<RegExpExecArray>) {
    if (hit && window.length >= size) {
      more = true
      break
    }
    window.push(t)
    if (hit) continue
    if (isHit(fold(t[0]))) hit = true
    else if (window.length > before) {
      window.shift()
      dropped++
    }
  }
  if (!hit) return null
  let out = dropped > 0 ? '…' : ''
  let cursor = window[0]!.index
  for (const t of window) {
    out += doc.slice(cursor, t.index).replace(/\s+/g, ' ')
    out += isHit(fold(t[0])) ? `${HIGHLIGHT_START}${t[0]}${HIGHLIGHT_END}` : t[0]
    cursor = t.index + t[0].length
  }
  return more ? `${out}…` : out
}
