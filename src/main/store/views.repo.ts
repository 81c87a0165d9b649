// Saved views and the call list's last state, in the workspace database.
import { randomUUID } from 'node:crypto'
import { AppError } from '@shared/errors'
import type { ListState, SavedView, SavedViewInput } from '@shared/settings'
import { logger } from '../log'
import type { Db } from './db'
import { listLayoutSchema, listStateSchema } from './views.schema'
import { callQuerySchema } from './callQuery.schema'

const log = logger('views')
const LIST_STATE_KEY = 'ui.listState'

interface ViewRow {
  id: string
  name: string
  query_json: string
  created_ms: number
  updated_ms: number
}

export class ViewsRepo {
  constructor(private readonly db: Db) {}

  list(): SavedView[] {
    const rows = this.db.prepare('SELECT * FROM saved_views ORDER BY name COLLATE NOCASE').all() as ViewRow[]
    return rows.flatMap((r) => {
      const view = this.parse(r)
      return view ? [view] : []
    })
  }

  private parse(r: ViewRow): SavedView | null {
    try {
      const stored = JSON.parse(r.query_json) as { query: unknown; layout: unknown }
      return {
        id: r.id,
        name: r.name,
        query: callQuerySchema.parse(stored.query),
        layout: listLayoutSchema.parse(stored.layout),
        createdMs: r.created_ms,
        updatedMs: r.updated_ms,
      }
    } catch (err) {
      log.warn(`saved view "${r.name}" could not be read and is hidden`, err)
      return null
    }
  }

  save(input: SavedViewInput, now = Date.now()): SavedView {
    const json = JSON.stringify({ query: input.query, layout: input.layout })
    const clash = this.db.prepare('SELECT id FROM saved_views WHERE name = ? COLLATE NOCASE AND id <> ?').get(input.name, input.id ?? '')
    if (clash) throw new AppError('CONFLICT', `A view named "${input.name}" already exists.`)
    if (input.id) {
      const changed = this.db.prepare('UPDATE saved_views SET name = ?, query_json = ?, updated_ms = ? WHERE id = ?').run(input.name, json, now, input.id)
      if (changed.changes === 0) throw new AppError('NOT_FOUND', 'That view no longer exists.')
      return this.parse(this.db.prepare('SELECT * FROM saved_views WHERE id = ?').get(input.id) as ViewRow)!
    }
    const id = randomUUID()
    this.db.prepare('INSERT INTO saved_views (id, name, query_json, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?)').run(id, input.name, json, now, now)
    return { id, name: input.name, query: input.query, layout: input.layout, createdMs: now, updatedMs: now }
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM saved_views WHERE id = ?').run(id).changes > 0
  }

  getListState(): ListState | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(LIST_STATE_KEY) as { value: string } | undefined
    if (!row) return null
    const parsed = listStateSchema.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : null
  }

  setListState(state: ListState): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(LIST_STATE_KEY, JSON.stringify(state))
  }
}
