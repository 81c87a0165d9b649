// The cache and workspace databases on real SQLite files: migrations, refusal of newer schemas,
// rebuild of a corrupt cache without touching the workspace, and the upsert rules of the cache.
import { readdirSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/main/store/store'
import { loadMigrations } from '../../src/main/store/migrations'
import { openWorkspace } from '../../src/main/store/db'
import { makeCall, makeDetail, rawOf } from '../support/calls'
import { tempDataDirs } from '../support/tempDir'

const data = tempDataDirs()
const paths = data.next
afterEach(data.cleanup)

describe('databases', () => {
  it('builds both schemas from zero with STRICT tables and the latest user_version', () => {
    const p = paths()
    const store = openStore(p)
    expect(store.cache.pragma('user_version', { simple: true })).toBe(loadMigrations('cache').length)
    expect(store.workspace.pragma('user_version', { simple: true })).toBe(loadMigrations('workspace').length)
    expect(store.cache.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.cache.pragma('foreign_keys', { simple: true })).toBe(1)
    const calls = store.cache.prepare("SELECT sql FROM sqlite_schema WHERE name = 'calls'").get() as { sql: string }
    expect(calls.sql).toMatch(/STRICT/)
    store.close()
  })

  it('refuses a workspace written by a newer Earmark, and leaves it as it was', () => {
    const p = paths()
    openStore(p).close()
    const ws = new Database(p.workspaceDb)
    ws.prepare("INSERT INTO settings (key, value) VALUES ('reviewer', '\"Ana\"')").run()
    ws.pragma('user_version = 99')
    ws.close()
    expect(() => openStore(p)).toThrow(/newer version of Earmark \(schema 99/)
    const again = new Database(p.workspaceDb)
    expect(again.prepare('SELECT value FROM settings').get()).toEqual({ value: '"Ana"' })
    again.close()
  })

  it('moves a cache from a newer Earmark aside and rebuilds it', () => {
    const p = paths()
    openStore(p).close()
    const c = new Database(p.cacheDb)
    c.pragma('user_version = 42')
    c.close()
    const store = openStore(p)
    expect(store.query.count()).toBe(0)
    expect(readdirSync(p.root).some((f) => f.startsWith('cache.sqlite.newer-'))).toBe(true)
    store.close()
  })

  it('rebuilds a corrupt cache and never touches the workspace', () => {
    const p = paths()
    const store = openStore(p)
    store.calls.upsertSummaries([makeCall(1)], [rawOf(makeCall(1))])
    store.workspace.prepare("INSERT INTO settings (key, value) VALUES ('reviewer', '\"Ana\"')").run()
    store.close()
    writeFileSync(p.cacheDb, 'this is not a database at all, just garbage bytes '.repeat(200))
    const reopened = openStore(p)
    expect(reopened.query.count()).toBe(0)
    expect(reopened.workspace.prepare('SELECT value FROM settings').get()).toEqual({ value: '"Ana"' })
    expect(readdirSync(p.root).some((f) => f.startsWith('cache.sqlite.corrupt-'))).toBe(true)
    reopened.close()
  })

  it('backs the workspace up before migrating it, and keeps what people wrote', () => {
    const p = paths()
    const v1 = loadMigrations('workspace')
    const ws = openWorkspace(p.workspaceDb, v1)
    ws.prepare("INSERT INTO settings (key, value) VALUES ('reviewer', '\"Ana\"')").run()
    ws.close()
    const v2 = [...v1, { version: v1.length + 1, name: 'notes', sql: 'CREATE TABLE notes (id TEXT PRIMARY KEY) STRICT;' }]
    const migrated = openWorkspace(p.workspaceDb, v2)
    expect(migrated.pragma('user_version', { simple: true })).toBe(v2.length)
    expect(migrated.prepare('SELECT value FROM settings').get()).toEqual({ value: '"Ana"' })
    migrated.close()
    const backups = readdirSync(p.root).filter((f) => f.endsWith('.bak'))
    expect(backups).toHaveLength(1)
    const backup = new Database(`${p.root}/${backups[0]}`, { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(v1.length)
    expect(backup.prepare('SELECT value FROM settings').get()).toEqual({ value: '"Ana"' })
    backup.close()
  })
})

describe('cache writes', () => {
  it('inserts, updates only what changed, and keeps search-only gaps filled from the list', () => {
    const store = openStore(paths())
    const calls = [1, 2, 3].map((i) => makeCall(i))
    expect(store.calls.upsertSummaries(calls, calls.map(rawOf))).toEqual({ inserted: 3, updated: 0, unchanged: 0 })
    expect(store.calls.upsertSummaries(calls, calls.map(rawOf))).toEqual({ inserted: 0, updated: 0, unchanged: 3 })
    const changed = { ...calls[0]!, status: 'failed', dispositions: {}, versionNumber: null, latency: null }
    expect(store.calls.upsertSummaries([changed], [{ ...rawOf(changed), status: 'failed' }], { source: 'search' })).toEqual({ inserted: 0, updated: 1, unchanged: 0 })
    const got = store.query.get(changed.id)!.call
    expect(got.status).toBe('failed')
    expect(got.dispositions).toEqual(calls[0]!.dispositions)
    expect(got.versionNumber).toBe(3)
    expect(got.latency).toEqual(calls[0]!.latency)
    // A search item without a summary keeps the stored one, and its words stay searchable.
    const word = calls[1]!.summary!.split(' ').at(-1)!.replace('.', '')
    const bare = { ...calls[1]!, status: 'failed', summary: null }
    store.calls.upsertSummaries([bare], [{ ...rawOf(bare), status: 'failed' }], { source: 'search' })
    expect(store.query.get(bare.id)!.call.summary).toBe(calls[1]!.summary)
    expect(store.query.list({ text: word }).rows.map((r) => r.id)).toContain(bare.id)
    store.close()
  })

  it('stores a detail with its transcript and finds its words by full text', () => {
    const store = openStore(paths())
    const call = makeCall(7)
    store.calls.upsertSummaries([call], [rawOf(call)])
    store.calls.saveDetails([{ call: makeDetail(call, ['Hello, this is QuickShip about your booking.', 'I want a refund for the broken kettle.']), raw: {} }])
    const got = store.query.get(call.id)!
    expect(got.hasDetail).toBe(true)
    expect((got.call as { transcript: unknown[] }).transcript).toHaveLength(2)
    const page = store.query.list({ text: 'kettle' })
    expect(page.rows.map((r) => r.id)).toEqual([call.id])
    expect(page.rows[0]!.snippet).toContain('\u0002kettle\u0003')
    // Words in both: the snippet is the summary's (call 7 is about a booking).
    expect(store.query.list({ text: 'booking' }).rows[0]!.snippet).toContain('call 7 about \u0002booking\u0003')
    // A later list update of the same call keeps its transcript searchable.
    store.calls.upsertSummaries([{ ...call, status: 'failed' }], [{ ...rawOf(call), status: 'failed' }])
    expect(store.query.list({ text: 'kettle' }).total).toBe(1)
    store.close()
  })
})
