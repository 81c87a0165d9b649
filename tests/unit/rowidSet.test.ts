// The bitmap that holds a text search's matches: membership, count and order as a Set would give.
import { describe, expect, it } from 'vitest'
import { RowidSet } from '../../src/main/store/rowidSet'

describe('RowidSet', () => {
  it('holds each rowid once, answers membership, and lists them in ascending order, growing as needed', () => {
    const set = new RowidSet()
    const rowids = [5, 1, 131_073, 8, 5, 0, 200_000, 1]
    for (const r of rowids) set.add(r)
    const unique = [...new Set(rowids)].sort((a, b) => a - b)
    expect(set.size).toBe(unique.length)
    expect(set.toArray()).toEqual(unique)
    for (const r of unique) expect(set.has(r)).toBe(true)
    for (const r of [2, 7, 9, 131_072, 199_999, 10_000_000]) expect(set.has(r)).toBe(false)
  })
})
