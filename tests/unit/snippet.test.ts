// Search snippets: the first match is shown with words around it, matches marked, the last query
// word matched as a prefix, case and accents folded like the full-text index.
import { describe, expect, it } from 'vitest'
import { queryWords, snippet } from '../../src/main/store/snippet'

const mark = (s: string | null) => s?.replaceAll('\u0002', '[').replaceAll('\u0003', ']')

describe('snippet', () => {
  it('marks every match in a window around the first one', () => {
    const doc = 'Hello there. I would like a refund for the kettle, the refund is overdue and I am unhappy about the whole thing.'
    expect(mark(snippet(doc, queryWords('refund'), 8))).toBe('…like a [refund] for the kettle, the [refund]…')
  })

  it('treats the last word as a prefix and the others as whole words', () => {
    expect(mark(snippet('We can reschedule the appointment for Monday', queryWords('appoint')))).toContain('[appointment]')
    expect(snippet('We can reschedule the appointment', queryWords('appoint monday'))).toBeNull()
    expect(mark(snippet('Café opens at nine', queryWords('CAFE')))).toBe('[Café] opens at nine')
  })

  it('returns null without a match or without words', () => {
    expect(snippet('nothing here', queryWords('refund'))).toBeNull()
    expect(snippet('anything', queryWords('  ?! '))).toBeNull()
  })
})
