// Small key/value state of the sync engine (checkpoints, last sync times), stored in the cache
// so a rebuilt cache also forgets where a sync stopped.
import type { Db } from './db'

export class SyncStateRepo {
  private readonly getStmt
  private readonly setStmt
  private readonly delStmt

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?')
    this.setStmt = db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    this.delStmt = db.prepare('DELETE FROM sync_state WHERE key = ?')
  }

  get<T>(key: string): T | null {
    const row = this.getStmt.get(key)
    if (!row) return null
    try {
      return JSON.parse(row.value) as T
    } catch {
      return null
    }
  }

  set(key: string, value: unknown): void {
    this.setStmt.run(key, JSON.stringify(value))
  }

  delete(key: string): void {
    this.delStmt.run(key)
  }
}
