// The review workflow's data layer on a real workspace and cache: annotations stay attached when
// the cache is rebuilt and are marked stale when a turn's text changes; scoring arithmetic;
// tags, status, Review next with its remembered place; the list filter; migration 003's backup.
import { readdirSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/store/db'
import { loadMigrations } from '../../src/main/store/migrations'
import { computeScore } from '../../src/main/review/scoring'
import { dataPaths } from '../../src/main/paths'
import { makeDetail } from '../support/calls'
import { tempDir } from '../support/tempDir'
import { LINES, RUBRIC, worldsPerTest } from './review-fixtures'

const worlds = worldsPerTest()
const make = worlds.make
afterEach(worlds.cleanup)

describe('migration 003', () => {
  it('backs the workspace up before adding the review tables, keeping what was there', () => {
    const dir = tempDir()
    const file = dataPaths(dir.path).workspaceDb
    const v2 = openWorkspace(file, loadMigrations('workspace').slice(0, 2))
    v2.prepare("INSERT INTO settings (key, value) VALUES ('reviewerName', '\"Ana\"')").run()
    v2.close()
    const v3 = openWorkspace(file)
    expect(v3.pragma('user_version', { simple: true })).toBe(3)
    expect(v3.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name IN ('annotations', 'call_tags', 'rubrics', 'scores', 'review_status', 'queue_positions')").get()).toEqual({ n: 6 })
    expect(v3.prepare('SELECT value FROM settings').get()).toEqual({ value: '"Ana"' })
    v3.close()
    const backups = readdirSync(dir.path).filter((f) => f.endsWith('.bak'))
    expect(backups).toHaveLength(1)
    expect(backups[0]).toMatch(/^workspace\.sqlite\.v2\./)
    const backup = new Database(`${dir.path}/${backups[0]}`, { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(2)
    backup.close()
    dir.cleanup()
  })
})

describe('annotations', () => {
  it('on a turn and on a time range, edited in place, deleted as a tombstone, and undone', () => {
    const { review, calls } = make()
    const id = calls[0]!.id
    const comment = review.saveAnnotation({ callId: id, kind: 'comment', turnIndex: 2, text: ' Wrong day promised ' })
    const range = review.saveAnnotation({ callId: id, kind: 'label', startS: 3.5, endS: 7, label: 'long silence', text: '' })
    expect(comment).toMatchObject({ text: 'Wrong day promised', turnIndex: 2, author: 'Ana', stale: false })
    expect(comment.turnHash).toMatch(/^[0-9a-f]{16}$/)
    expect(range).toMatchObject({ turnIndex: null, turnHash: null, label: 'long silence' })
    const edited = review.saveAnnotation({ id: comment.id, callId: id, kind: 'correction', turnIndex: 2, text: 'It arrives on Friday.' })
    expect(edited).toMatchObject({ id: comment.id, createdMs: comment.createdMs, kind: 'correction' })
    expect(edited.updatedMs).toBeGreaterThan(comment.updatedMs)
    expect(review.get(id).annotations.map((a) => a.id)).toEqual([comment.id, range.id])
    expect(review.deleteAnnotation(comment.id)).toBe(true)
    expect(review.annotations.get(comment.id)).toMatchObject({ deleted: true })
    expect(review.get(id).annotations.map((a) => a.id)).toEqual([range.id])
    // Undo brings the deleted correction back; a second undo takes the edit back to the comment.
    expect(review.undo(id)!.annotations.map((a) => a.kind)).toEqual(['correction', 'label'])
    expect(review.undo(id)!.annotations.map((a) => a.kind)).toEqual(['comment', 'label'])
  })

  it('refuses a turn the transcript does not have, and a call moved between calls', () => {
    const { review, calls } = make()
    expect(() => review.saveAnnotation({ callId: calls[0]!.id, kind: 'comment', turnIndex: 9, text: 'x' })).toThrow(/Turn 9 is not in this call's transcript \(it has 4 turns\)/)
    const a = review.saveAnnotation({ callId: calls[0]!.id, kind: 'comment', turnIndex: 0, text: 'x' })
    expect(() => review.saveAnnotation({ id: a.id, callId: calls[1]!.id, kind: 'comment', turnIndex: 0, text: 'x' })).toThrow(/cannot move/)
  })

  it('survive deleting the cache: there and attached after the same calls are synced again', () => {
    const w = make()
    const id = w.calls[2]!.id
    const a = w.review.saveAnnotation({ callId: id, kind: 'correction', turnIndex: 1, text: 'Where is my package?' })
    w.review.setTags(id, ['Late delivery', 'VIP'])
    w.review.setStatus(id, 'flagged')
    const rubric = w.review.saveRubric(RUBRIC)
    w.review.saveScore({ callId: id, rubricId: rubric.id, rubricVersion: 1, answers: { greeting: true, accuracy: 2, compliance: true } })
    const before = w.review.get(id)

    w.dropCache()
    expect(w.store.query.count()).toBe(0)
    const meanwhile = w.review.get(id)
    expect(meanwhile.transcriptLoaded).toBe(false)
    expect(meanwhile.annotations).toEqual(before.annotations)
    w.sync()
    const after = w.review.get(id)
    expect(after).toEqual(before)
    expect(after.annotations[0]).toMatchObject({ id: a.id, stale: false, turnIndex: 1 })
    expect(after).toMatchObject({ tags: ['late delivery', 'vip'], status: { status: 'flagged', author: 'Ana' }, scores: [{ total: 75 }] })
  })

  it('are marked stale when the turn text changed, and say where the text moved', () => {
    const w = make()
    const id = w.calls[0]!.id
    const onTurn1 = w.review.saveAnnotation({ callId: id, kind: 'comment', turnIndex: 1, text: 'caller asks' })
    const onTurn2 = w.review.saveAnnotation({ callId: id, kind: 'label', turnIndex: 2, label: 'promise', text: '' })
    // The platform re-transcribed turn 2 and inserted a turn before it: turn 1's text is unchanged.
    const changed = makeDetail(w.calls[0]!, [LINES[0]!, LINES[1]!, 'Sorry, one moment.', 'It arrives tomorrow before noon.', LINES[3]!])
    w.sync([changed])
    const seen = w.review.get(id).annotations
    expect(seen.find((a) => a.id === onTurn1.id)).toMatchObject({ stale: false })
    expect(seen.find((a) => a.id === onTurn2.id)).toMatchObject({ stale: true, relocatedTo: 3, turnIndex: 2 })
    // Editing it re-attaches it to the text shown now.
    const fixed = w.review.saveAnnotation({ id: onTurn2.id, callId: id, kind: 'label', turnIndex: 3, label: 'promise', text: '' })
    expect(fixed.stale).toBe(false)
  })
})

describe('scoring', () => {
  const items = RUBRIC.items
  it.each([
    ['all pass', { greeting: true, accuracy: 4, compliance: true }, { total: 100, rawTotal: 100, autoFailed: false, complete: true }],
    ['weighted', { greeting: false, accuracy: 2, compliance: true }, { total: 58.33, rawTotal: 58.33, autoFailed: false, complete: true }],
    ['not applicable left out', { greeting: null, accuracy: 4, compliance: true }, { total: 100, complete: true }],
    ['partial', { accuracy: 3 }, { total: 75, complete: false }],
    ['auto-fail zeroes the total', { greeting: true, accuracy: 4, compliance: false }, { total: 0, rawTotal: 66.67, autoFailed: true }],
    ['nothing applies', { greeting: null }, { total: null, rawTotal: null, autoFailed: false }],
  ])('%s', (_label, answers, expected) => {
    expect(computeScore({ items }, answers)).toMatchObject(expected)
  })

  it.each([
    [{ greeting: 1 }, /greeting" is pass\/fail/],
    [{ accuracy: 5 }, /0\.\.4 scale/],
    [{ accuracy: true }, /0\.\.4 scale/],
    [{ tone: true }, /"tone" is not an item/],
  ])('refuses answers %j', (answers, message) => {
    expect(() => computeScore({ items }, answers)).toThrow(message)
  })

  it('versions a rubric on change only, and keeps scores on the version they were given with', () => {
    const { review, calls } = make()
    const v1 = review.saveRubric(RUBRIC)
    expect(review.saveRubric({ ...RUBRIC, id: v1.id })).toEqual(v1)
    const v2 = review.saveRubric({ id: v1.id, name: RUBRIC.name, items: RUBRIC.items.map((i) => (i.id === 'accuracy' ? { ...i, weight: 1 } : i)) })
    expect(v2.version).toBe(2)
    expect(review.listRubrics()).toEqual([v2])
    const score = review.saveScore({ callId: calls[0]!.id, rubricId: v1.id, rubricVersion: 1, answers: { greeting: false, accuracy: 2, compliance: true } })
    expect(score.total).toBe(58.33)
    const again = review.saveScore({ callId: calls[0]!.id, rubricId: v1.id, rubricVersion: 2, answers: { greeting: false, accuracy: 2, compliance: true } })
    expect(again).toMatchObject({ id: score.id, total: 62.5, rubricVersion: 2 })
    expect(review.get(calls[0]!.id)).toMatchObject({ scores: [{ id: score.id }], rubrics: [{ version: 2 }] })
    expect(() => review.saveScore({ callId: calls[0]!.id, rubricId: v1.id, rubricVersion: 7, answers: {} })).toThrow(/version 7 does not exist/)
  })
})

describe('tags and status', () => {
  it('normalises tags, removes the ones left out, and suggests the most used', () => {
    const { review, calls } = make()
    expect(review.setTags(calls[0]!.id, ['Refund', 'late  delivery'])).toEqual(['late delivery', 'refund'])
    review.setTags(calls[1]!.id, ['refund'])
    expect(review.setTags(calls[0]!.id, ['late delivery'])).toEqual(['late delivery'])
    expect(review.tagSuggestions('RE')).toEqual(['refund'])
    expect(review.tagSuggestions('')).toEqual(['late delivery', 'refund'])
  })

  it('records who set a status and when', () => {
    const { review, calls } = make({ author: 'Ben' })
    expect(review.get(calls[0]!.id).status).toBeNull()
    const s = review.setStatus(calls[0]!.id, 'in_review')
    expect(s).toMatchObject({ status: 'in_review', author: 'Ben' })
    expect(review.setStatus(calls[0]!.id, 'done').updatedMs).toBeGreaterThan(s.updatedMs)
  })
})
