// The cache's write path beyond the basics in store.test.ts: batches that join the caller's
// transaction, a call given twice in one batch, full text that follows changes, and a cache of the
// previous schema migrated with its search intact.
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { CallDetail, CallSummary } from '@shared/domain'
import { COLUMNS, summaryRow } from '../../src/main/store/callRow'
import { loadMigrations } from '../../src/main/store/migrations'
import { openStore, type Store } from '../../src/main/store/store'
import { makeCall, makeDetail, rawOf } from '../support/calls'
import { detailStates } from '../support/detailStates'
import { tempDataDirs } from '../support/tempDir'

const data = tempDataDirs()
const paths = data.next
afterEach(data.cleanup)

const ids = (store: ReturnType<typeof openStore>, text: string) => store.query.list({ text }).rows.map((r) => r.id)

describe('cache write batches', () => {
  it('joins the caller’s transaction: a rollback there leaves nothing behind', () => {
    const store = openStore(paths())
    const calls = [1, 2].map((i) => makeCall(i))
    expect(() =>
      store.cache.transaction(() => {
        store.calls.upsertSummaries(calls, calls.map(rawOf))
        throw new Error('the checkpoint could not be written')
      })(),
    ).toThrow(/checkpoint/)
    expect(store.query.count()).toBe(0)
    expect(ids(store, 'delivery')).toEqual([])
    // The same batch committed by the caller is all there, text included.
    store.cache.transaction(() => store.calls.upsertSummaries(calls, calls.map(rawOf)))()
    expect(store.query.count()).toBe(2)
    expect(ids(store, 'booking')).toEqual([calls[0]!.id])
    store.close()
  })

  it('stores a call given twice in one batch once, with its last version searchable', () => {
    const store = openStore(paths())
    const first = makeCall(3, { summary: 'About a parcel.' })
    const second = { ...first, status: 'failed', summary: 'About a voucher.' }
    expect(store.calls.upsertSummaries([first, second], [rawOf(first), { ...rawOf(second), status: 'failed' }])).toEqual({ inserted: 1, updated: 1, unchanged: 0 })
    expect(store.query.count()).toBe(1)
    expect(ids(store, 'voucher')).toEqual([first.id])
    expect(ids(store, 'parcel')).toEqual([])
    store.close()
  })

  it('replaces a changed call’s words and keeps its transcript’s', () => {
    const store = openStore(paths())
    const call = makeCall(4, { summary: 'Wants a refund.' })
    store.calls.upsertSummaries([call], [rawOf(call)])
    store.calls.saveDetails([{ call: makeDetail(call, ['The kettle arrived broken.']), raw: {} }])
    const changed = { ...call, summary: 'Agreed to a replacement.' }
    store.calls.upsertSummaries([changed], [{ ...rawOf(call), status: 'changed' }])
    expect(ids(store, 'refund')).toEqual([])
    expect(ids(store, 'replacement')).toEqual([call.id])
    expect(ids(store, 'kettle')).toEqual([call.id])
    expect(store.query.list({ text: 'kettle' }).rows[0]!.snippet).toContain('\u0002kettle\u0003')
    store.close()
  })

  it('finds a call once whether a search’s words are in its summary, its transcript or both', () => {
    const store = openStore(paths())
    const call = makeCall(6, { summary: 'Wants a refund.' })
    store.calls.upsertSummaries([call], [rawOf(call)])
    store.calls.saveDetails([{ call: makeDetail(call, ['The kettle arrived broken.']), raw: {} }])
    for (const text of ['refund', 'kettle', 'kettle refund', 'refund broken', 'ref']) {
      expect(store.query.list({ text })).toMatchObject({ total: 1, rows: [{ id: call.id }] })
    }
    expect(ids(store, 'refund voucher')).toEqual([])
    // A change that keeps the summary keeps every word findable.
    const moved = { ...call, status: 'failed' }
    store.calls.upsertSummaries([moved], [{ ...rawOf(call), status: 'failed' }])
    expect(ids(store, 'refund kettle')).toEqual([call.id])
    // A detail fetched again replaces the transcript's words, not the summary's.
    store.calls.saveDetails([{ call: makeDetail(moved, ['The toaster works now.']), raw: {} }])
    expect(ids(store, 'kettle')).toEqual([])
    expect(ids(store, 'toaster refund')).toEqual([call.id])
    store.close()
  })

  it('takes a deleted call’s payload, detail, dispositions and words along, so a call given its rowid shows none of them', () => {
    const store = openStore(paths())
    const gone = makeCall(8, { summary: 'About a lost parcel.' })
    store.calls.upsertSummaries([gone], [rawOf(gone)])
    store.calls.saveDetails([{ call: makeDetail(gone, ['The courier never came.']), raw: {} }])
    store.cache.prepare('DELETE FROM calls WHERE id = ?').run(gone.id)
    const next = makeCall(9, { summary: 'About an invoice.' })
    store.calls.upsertSummaries([next], [rawOf(next)])
    expect(store.query.get(next.id)).toEqual({ call: next, hasDetail: false })
    expect(ids(store, 'courier')).toEqual([])
    expect(ids(store, 'parcel')).toEqual([])
    expect(ids(store, 'invoice')).toEqual([next.id])
    const value = next.dispositions.call_resolved!
    expect(store.query.list({ dispositions: [{ identifier: 'call_resolved', values: [value] }] }).rows.map((r) => r.id)).toEqual([next.id])
    store.close()
  })

  it('keeps a detail given as a summary out of the summary payload', () => {
    const store = openStore(paths())
    const call = makeCall(5)
    store.calls.upsertSummaries([makeDetail(call, ['Secret words of the transcript.'])], [rawOf(call)])
    const got = store.query.get(call.id)!
    expect(got.hasDetail).toBe(false)
    expect(got.call).not.toHaveProperty('transcript')
    expect(got.call).toEqual(call)
    store.close()
  })
})

/** A cache file at an older schema version, to migrate. */
function cacheAt(file: string, version: number): Database.Database {
  const db = new Database(file)
  for (const m of loadMigrations('cache').slice(0, version)) db.exec(m.sql)
  db.pragma(`user_version = ${version}`)
  return db
}

/**
 * Inserts a call into a cache of an older schema: today's columns, and those later migrations moved
 * out of calls (the recording links until 008, search_ids until 009), with any others given.
 */
function insertOldCall(db: Database.Database, call: CallSummary, listHash = 'h', more: Record<string, unknown> = {}): number {
  const old = { recording_url: call.recordingUrl, recording_dual_url: call.recordingDualUrl, search_ids: `${call.id} ${call.from} ${call.to}`.toLowerCase(), ...more }
  const columns = [...COLUMNS, ...Object.keys(old)]
  return Number(db.prepare(`INSERT INTO calls (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...summaryRow(call, listHash, 0), ...Object.values(old)).lastInsertRowid)
}

describe('cache migration 003', () => {
  it('rebuilds the full-text index of an older cache from its stored summaries and transcripts', () => {
    const p = paths()
    const db = cacheAt(p.cacheDb, 2)
    const call = makeCall(8, { summary: 'Asked about the invoice.' })
    db.prepare(
      `INSERT INTO calls (id, status, type, duration_s, from_number, to_number, created_at, created_ms, has_recording, retry_count,
        retry_attempt, is_test, summary, search_ids, list_hash, synced_ms) VALUES (?, 'completed', 'webcall', 1, '+1', '+2', ?, ?, 0, 0, 0, 0, ?, ?, 'h', 0)`,
    ).run(call.id, call.createdAt, Date.parse(call.createdAt), call.summary, call.id.toLowerCase())
    db.prepare("INSERT INTO call_payloads (call_id, summary_json, raw_json) VALUES (?, ?, '{}')").run(call.id, JSON.stringify(call))
    const turns = [{ index: 0, role: 'user', text: 'The courier lost my parcel.', at: call.createdAt, offsetMs: null }]
    db.prepare("INSERT INTO call_details (call_id, detail_json, transcript_json, turn_count, raw_json, fetched_ms) VALUES (?, '{}', ?, 1, '{}', 0)").run(call.id, JSON.stringify(turns))
    db.prepare("INSERT INTO call_text (rowid, call_id, summary, transcript) VALUES (1, ?, ?, 'The courier lost my parcel.')").run(call.id, call.summary)
    db.close()
    const store = openStore(p)
    expect(ids(store, 'invoice')).toEqual([call.id])
    expect(ids(store, 'courier')).toEqual([call.id])
    expect(store.query.list({ text: 'courier' }).rows[0]!.snippet).toContain('\u0002courier\u0003')
    expect(store.cache.pragma('user_version', { simple: true })).toBe(loadMigrations('cache').length)
    store.close()
  })
})

describe('cache migration 004', () => {
  it('keeps every stored summary whole while its JSON shrinks to the fields that are not columns (and, from 008, the recording links)', () => {
    const p = paths()
    const db = cacheAt(p.cacheDb, 3)
    const call = makeCall(9)
    insertOldCall(db, call)
    db.prepare("INSERT INTO call_payloads (call_id, summary_json, raw_json) VALUES (?, ?, '{}')").run(call.id, JSON.stringify(call))
    db.prepare("INSERT INTO dispositions (call_id, identifier, value, confidence) VALUES (?, 'call_resolved', ?, 0.9)").run(call.id, call.dispositions.call_resolved)
    db.close()
    const store = openStore(p)
    expect(store.query.get(call.id)!.call).toEqual(call)
    // Its disposition values too (migration 006 keys them by the call's rowid).
    expect(store.query.list({ dispositions: [{ identifier: 'call_resolved', values: [call.dispositions.call_resolved!] }] }).total).toBe(1)
    const extras = JSON.parse(store.cache.prepare('SELECT extras_json FROM call_payloads').pluck().get() as string)
    expect(Object.keys(extras).sort()).toEqual(['dispositionResults', 'dispositions', 'latency', 'recordingDualUrl', 'recordingUrl', 'updatedAt'])
    store.close()
  })
})

describe('cache migration 005', () => {
  const stateOf = (store: Store) => Object.fromEntries(detailStates(store).map((c) => [c.id, c.state]))

  it('keeps where each call’s detail stands once the state is derived from what is stored', () => {
    const p = paths()
    const db = cacheAt(p.cacheDb, 4)
    const calls = [1, 2, 3, 4].map((i) => makeCall(i, { status: 'completed' }))
    const before = ['missing', 'stale', 'fetched', 'failed']
    calls.forEach((call, i) => {
      insertOldCall(db, call, `h${i}`, { detail_state: before[i], detail_error: before[i] === 'failed' ? 'HTTP 500' : null })
      db.prepare("INSERT INTO call_payloads (call_id, extras_json, raw_json) VALUES (?, '{}', '{}')").run(call.id)
      if (before[i] === 'stale' || before[i] === 'fetched') {
        db.prepare("INSERT INTO call_details (call_id, detail_json, transcript_json, turn_count, raw_json, fetched_ms) VALUES (?, '{}', '[]', 0, '{}', 0)").run(call.id)
      }
    })
    db.close()
    const store = openStore(p)
    expect(stateOf(store)).toEqual(Object.fromEntries(calls.map((c, i) => [c.id, before[i]])))
    expect(store.cache.prepare('SELECT error FROM call_detail_failures').pluck().all()).toEqual(['HTTP 500'])
    // The list shows which calls have a transcript stored, stale or not (as opening them does).
    expect(store.query.list({}).rows.filter((r) => r.hasDetail).map((r) => r.id).sort()).toEqual([calls[1]!.id, calls[2]!.id].sort())

    // A stored detail settles a call; a failed fetch is noted; a changed call needs its detail again,
    // even one whose last fetch failed.
    store.calls.saveDetails([{ call: makeDetail(calls[0]!, ['Hello.']), raw: {} }])
    store.calls.markDetailFailed(calls[1]!.id, 'HTTP 404')
    const changed = { ...calls[3]!, status: 'failed' }
    store.calls.upsertSummaries([changed], [{ ...rawOf(changed), status: 'failed' }])
    expect(stateOf(store)).toEqual({ [calls[0]!.id]: 'fetched', [calls[1]!.id]: 'failed', [calls[2]!.id]: 'fetched', [calls[3]!.id]: 'missing' })
    const fetched = { ...calls[2]!, durationS: 99 }
    store.calls.upsertSummaries([fetched], [{ ...rawOf(fetched), durationS: 99 }])
    expect(stateOf(store)[fetched.id]).toBe('stale')
    // A failure noted for a call the cache does not hold adds nothing.
    store.calls.markDetailFailed('CALL-NOT-STORED', 'HTTP 404')
    expect(store.cache.prepare('SELECT COUNT(*) FROM call_detail_failures').pluck().get()).toBe(2)
    store.close()
  })
})

describe('cache migration 007', () => {
  it('keeps every stored transcript turn for turn while dropping the keys each turn repeated', () => {
    const p = paths()
    const db = cacheAt(p.cacheDb, 6)
    const call = makeCall(7)
    const rowid = insertOldCall(db, call)
    db.prepare("INSERT INTO call_payloads (call_rowid, extras_json, raw_json) VALUES (?, '{}', '{}')").run(rowid)
    const turns = [
      { index: 0, role: 'agent', text: 'Hello, "quoted"\nand a second line.', at: '2026-10-01T10:00:04.000Z', offsetMs: null },
      { index: 1, role: 'user', text: 'Ça va, merci.', at: null, offsetMs: 5250 },
      { index: 2, role: 'unknown', text: '', at: null, offsetMs: null },
    ]
    db.prepare("INSERT INTO call_details (call_rowid, detail_json, transcript_json, turn_count, raw_json, fetched_ms, list_hash) VALUES (?, '{}', ?, 3, '{}', 0, 'h')")
      .run(rowid, JSON.stringify(turns))
    db.close()
    const store = openStore(p)
    expect((store.query.get(call.id)!.call as CallDetail).transcript).toEqual(turns)
    const stored = store.cache.prepare('SELECT transcript_json FROM call_details').pluck().get() as string
    expect(stored.length).toBeLessThan(JSON.stringify(turns).length)
    store.close()
  })
})
