// How review writes behave when several happen close together: undo stays on the call it is asked
// for, an import never moves an annotation to another call, the import and tag writes take the
// workspace's write lock first (another writer waits, they do not fail). The renderer's ordered,
// optimistic saves are checked in tests/e2e/review.test.ts (renderer code runs in the browser).
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { jsonlLines } from '../../src/main/review/exchange.export'
import { importReview } from '../../src/main/review/exchange.import'
import { type World, worldsPerTest } from './review-fixtures'

const worlds = worldsPerTest()
const make = worlds.make
afterEach(worlds.cleanup)

const exported = (w: World) => [...jsonlLines(w.review)].join('\n') + '\n'

describe('undo', () => {
  it('takes back the newest change of the given call only', () => {
    const { review, calls } = make()
    const [a, b] = calls.map((c) => c.id)
    const onA = review.saveAnnotation({ callId: a!, kind: 'comment', turnIndex: 0, text: 'on A' })
    review.saveAnnotation({ id: onA.id, callId: a!, kind: 'comment', turnIndex: 0, text: 'on A, edited' })
    review.saveAnnotation({ callId: b!, kind: 'comment', turnIndex: 1, text: 'on B' })
    // With A open, undo reverts A's edit, not B's newer creation.
    expect(review.undo(a!)!.annotations.map((x) => x.text)).toEqual(['on A'])
    expect(review.get(b!).annotations.map((x) => x.text)).toEqual(['on B'])
    expect(review.undo(b!)!.annotations).toEqual([])
    expect(review.undo(b!)).toBeNull()
    expect(review.undo(calls[2]!.id)).toBeNull()
    expect(review.undo(a!)!.annotations).toEqual([])
    expect(review.undo(a!)).toBeNull()
  })
})

describe('import', () => {
  it('refuses an annotation that would move to another call, naming the line, and changes nothing', () => {
    const w = make()
    const [a, b] = w.calls.map((c) => c.id)
    const note = w.review.saveAnnotation({ callId: a!, kind: 'comment', startS: 1, endS: 2, text: 'echo' })
    w.review.setStatus(b!, 'done')
    const lines = exported(w).trimEnd().split('\n')
    const at = lines.findIndex((l) => l.includes('"type":"annotation"'))
    lines[at] = JSON.stringify({ ...JSON.parse(lines[at]!), callId: b, text: 'moved', updatedMs: note.updatedMs + 60_000 })
    const status = lines.findIndex((l) => l.includes('"type":"status"'))
    lines[status] = JSON.stringify({ ...JSON.parse(lines[status]!), status: 'flagged', updatedMs: Date.now() + 1e12 })
    expect(() => importReview(w.review, lines.join('\n'))).toThrow(new RegExp(`line ${at + 1}: annotation ${note.id} belongs to call ${a}.*cannot move`))
    expect(w.review.get(a!).annotations).toMatchObject([{ id: note.id, text: 'echo' }])
    expect(w.review.get(b!)).toMatchObject({ annotations: [], status: { status: 'done' } })
  })

  it('keeps the stored call of an annotation written again with another call', () => {
    const w = make()
    const [a, b] = w.calls.map((c) => c.id)
    const note = w.review.saveAnnotation({ callId: a!, kind: 'comment', startS: 1, endS: 2, text: 'echo' })
    w.review.annotations.put({ ...w.review.annotations.get(note.id)!, callId: b!, text: 'edited' })
    expect(w.review.annotations.get(note.id)).toMatchObject({ callId: a, text: 'edited' })
  })
})

describe('writes beside another writer', () => {
  /** A second connection to the workspace (the app beside the CLI) that does not wait for locks. */
  function otherWriter(w: World) {
    const other = new Database(w.paths.workspaceDb)
    other.pragma('busy_timeout = 0')
    const results: string[] = []
    const write = () => {
      try {
        other.prepare("INSERT OR REPLACE INTO review_status (call_id, status, author, updated_ms) VALUES (?, 'flagged', 'App', 1)").run(w.calls[7]!.id)
        results.push('written')
      } catch (err) {
        results.push((err as { code?: string }).code ?? String(err))
      }
    }
    return { other, results, write }
  }

  /** Makes `obj[key]` call `before` once, right after its first call returned (a read done). */
  function after<T extends object>(obj: T, key: keyof T, before: () => void) {
    const original = obj[key] as (...a: unknown[]) => unknown
    let done = false
    Object.assign(obj, { [key]: (...args: unknown[]) => {
      const out = original.apply(obj, args)
      if (!done) {
        done = true
        before()
      }
      return out
    } })
  }

  it('an import holds the write lock from its first read: the other writer waits instead of the import failing', () => {
    const w = make()
    const [a, b] = w.calls.map((c) => c.id)
    w.review.saveAnnotation({ callId: a!, kind: 'comment', startS: 1, endS: 2, text: 'one' })
    const two = w.review.saveAnnotation({ callId: b!, kind: 'comment', startS: 1, endS: 2, text: 'two' })
    // The file's first annotation is unchanged (a read), the second is newer (a write after it).
    const text = exported(w).replace('"text":"two"', '"text":"two, edited"').replace(`"updatedMs":${two.updatedMs}`, `"updatedMs":${two.updatedMs + 5000}`)
    const { other, results, write } = otherWriter(w)
    after(w.review.annotations, 'merge', write)
    expect(importReview(w.review, text).annotations).toEqual({ added: 0, updated: 1, unchanged: 1 })
    expect(results).toEqual(['SQLITE_BUSY'])
    other.close()
  })

  it('setting tags holds the write lock from its first read', () => {
    const w = make()
    const id = w.calls[0]!.id
    w.review.setTags(id, ['refund'])
    const { other, results, write } = otherWriter(w)
    const stmts = (w.review.tags as unknown as { stmts: { ofCall: object } }).stmts
    after(stmts.ofCall as { all: () => unknown }, 'all', write)
    expect(w.review.setTags(id, ['refund', 'vip'])).toEqual(['refund', 'vip'])
    expect(results).toEqual(['SQLITE_BUSY'])
    other.close()
  })
})
