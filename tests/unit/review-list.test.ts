// The call list over review data: main answers query.review with the workspace attached to the
// cache connection, the rows carry their review columns, the counts agree with what was written,
// and a saved view keeps a review filter.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { callQuerySchema } from '../../src/main/store/callQuery.schema'
import { RUBRIC, world, type World } from './review-fixtures'

let w: World
beforeEach(() => {
  w = world({ calls: 8 })
  const [a, b, c] = w.calls
  w.review.setStatus(a!.id, 'done')
  w.review.setStatus(b!.id, 'flagged')
  w.review.setTags(a!.id, ['billing', 'refund'])
  w.review.setTags(c!.id, ['billing'])
  w.review.saveAnnotation({ callId: b!.id, kind: 'comment', turnIndex: 1, text: 'Missed the question' })
  const rubric = w.review.saveRubric(RUBRIC)
  w.review.saveScore({ callId: a!.id, rubricId: rubric.id, rubricVersion: 1, answers: { greeting: true, accuracy: 4, compliance: true } })
  w.review.saveScore({ callId: c!.id, rubricId: rubric.id, rubricVersion: 1, answers: { greeting: true, accuracy: 2, compliance: false } })
})
afterEach(() => w.cleanup())

const ids = (review: object) => w.store.query.list({ review, limit: 100 }).rows.map((r) => r.id).sort()

describe('the call list over review data', () => {
  it('filters by review status, with unreviewed meaning no status set', () => {
    const [a, b] = w.calls
    expect(ids({ reviewStatuses: ['done', 'flagged'] })).toEqual([a!.id, b!.id].sort())
    expect(w.store.query.list({ review: { reviewStatuses: ['unreviewed'] } }).total).toBe(6)
  })

  it('filters by tags (all of them), annotations and score, combined with the other filters', () => {
    const [a, b, c] = w.calls
    expect(ids({ tags: ['billing'] })).toEqual([a!.id, c!.id].sort())
    expect(ids({ tags: ['billing', 'refund'] })).toEqual([a!.id])
    expect(ids({ hasAnnotations: true })).toEqual([b!.id])
    expect(w.store.query.list({ review: { hasAnnotations: false } }).total).toBe(7)
    expect(ids({ scoreMin: 90 })).toEqual([a!.id])
    expect(ids({ autoFailed: true })).toEqual([c!.id])
    expect(w.store.query.list({ statuses: [a!.status], review: { tags: ['billing'] } }).rows.every((r) => r.status === a!.status)).toBe(true)
  })

  it('gives each row its review status, tags, score and annotation count', () => {
    const [a, b] = w.calls
    const rows = new Map(w.store.query.list({ limit: 100 }).rows.map((r) => [r.id, r.review]))
    expect(rows.get(a!.id)).toEqual({ status: 'done', tags: ['billing', 'refund'], score: 100, autoFailed: false, annotations: 0 })
    expect(rows.get(b!.id)).toMatchObject({ status: 'flagged', annotations: 1, score: null })
    expect(rows.get(w.calls[4]!.id)).toMatchObject({ status: 'unreviewed', tags: [] })
  })

  it('keeps review data in the list after the cache is deleted and the calls synced again', () => {
    w.dropCache()
    w.sync()
    expect(ids({ reviewStatuses: ['done'] })).toEqual([w.calls[0]!.id])
  })

  it('refuses a review filter that is not one', () => {
    expect(callQuerySchema.safeParse({ review: { reviewStatuses: ['finished'] } }).success).toBe(false)
    expect(callQuerySchema.safeParse({ review: { scoreMin: 140 } }).success).toBe(false)
    expect(callQuerySchema.safeParse({ review: { reviewStatuses: ['done'], tags: ['billing'] } }).success).toBe(true)
  })
})
