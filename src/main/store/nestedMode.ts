// A mode of a connection that nested and overlapping users share (a list backfill and a detail run
// at once): the first one in begins it, the last one out ends it, and each user's end counts once.
import type { Db } from './db'

export function nestedMode(begin: (db: Db) => void, end: (db: Db) => void): (db: Db) => () => void {
  const depth = new WeakMap<Db, number>()
  return (db) => {
    const level = depth.get(db) ?? 0
    if (level === 0) begin(db)
    depth.set(db, level + 1)
    let ended = false
    return () => {
      if (ended) return
      ended = true
      const left = (depth.get(db) ?? 1) - 1
      depth.set(db, left)
      if (left === 0 && db.open) end(db)
    }
  }
}
