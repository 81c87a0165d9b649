// Pure renderer logic, tested in Node (no DOM): typechecked with the renderer (tsconfig.web.json).
// The list query as the renderer keeps it: empty filters are no filters, inside a group too.
import { describe, expect, it } from 'vitest'
import { cleanQuery, isFiltered, sameValue } from '../../src/renderer/src/lib/query'

describe('list query cleaning', () => {
  it('drops empty values, lists and text, and keeps the rest as given', () => {
    expect(cleanQuery({ statuses: [], text: '', agentIds: ['a1'], durationMin: undefined, sortBy: 'cost' })).toEqual({ agentIds: ['a1'], sortBy: 'cost' })
  })

  it('drops empty entries of the review group, and the group when nothing is left in it', () => {
    expect(cleanQuery({ review: { reviewStatuses: ['done'], tags: [] } })).toEqual({ review: { reviewStatuses: ['done'] } })
    expect(cleanQuery({ review: { tags: [], reviewStatuses: undefined } })).toEqual({})
    expect(cleanQuery({ review: {} })).toEqual({})
    // A false flag is a filter (calls without annotations), not an empty value.
    expect(cleanQuery({ review: { hasAnnotations: false } })).toEqual({ review: { hasAnnotations: false } })
  })

  it('so an emptied group is no filter, and equals a query that never had it', () => {
    const emptied = { sortBy: 'createdAt' as const, review: { tags: [] } }
    expect(isFiltered(emptied)).toBe(false)
    expect(sameValue(cleanQuery(emptied), cleanQuery({ sortBy: 'createdAt' }))).toBe(true)
  })
})
