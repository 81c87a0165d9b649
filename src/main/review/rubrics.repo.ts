// Scorecard definitions. A version is written once and never changed: a score names the exact
// version it was given with, so old scores keep meaning what they meant. Saving a rubric whose
// name or items changed writes the next version; saving it unchanged writes nothing.
import { randomUUID } from 'node:crypto'
import { AppError } from '@shared/errors'
import type { Rubric, RubricInput, RubricItem } from '@shared/review'
import type { Db } from '../store/db'
import type { MergeOutcome } from './merge'

interface Row {
  id: string
  version: number
  name: string
  items_json: string
  author: string
  created_ms: number
}

const toRubric = (r: Row): Rubric => ({
  id: r.id,
  version: r.version,
  name: r.name,
  items: JSON.parse(r.items_json) as RubricItem[],
  author: r.author,
  createdMs: r.created_ms,
})

/** What makes two versions the same definition (who wrote it and when do not). */
const definition = (r: Pick<Rubric, 'name' | 'items'>) => JSON.stringify([r.name, r.items])

export class RubricsRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      get: db.prepare<[string, number], Row>('SELECT * FROM rubrics WHERE id = ? AND version = ?'),
      latest: db.prepare<[string], Row>('SELECT * FROM rubrics WHERE id = ? ORDER BY version DESC LIMIT 1'),
      latestOfEach: db.prepare<[], Row>(
        'SELECT r.* FROM rubrics r WHERE r.version = (SELECT MAX(version) FROM rubrics WHERE id = r.id) ORDER BY r.name COLLATE NOCASE, r.id',
      ),
      all: db.prepare<[], Row>('SELECT * FROM rubrics ORDER BY id, version'),
      insert: db.prepare('INSERT INTO rubrics (id, version, name, items_json, author, created_ms) VALUES (?, ?, ?, ?, ?, ?)'),
    }
  }

  get(id: string, version: number): Rubric | null {
    const row = this.stmts.get.get(id, version)
    return row ? toRubric(row) : null
  }

  /** The latest version of every rubric. */
  list(): Rubric[] {
    return this.stmts.latestOfEach.all().map(toRubric)
  }

  *all(): Generator<Rubric> {
    for (const row of this.stmts.all.iterate()) yield toRubric(row)
  }

  save(input: RubricInput, author: string, now: number): Rubric {
    const latest = input.id ? this.stmts.latest.get(input.id) : undefined
    if (input.id && !latest) throw new AppError('NOT_FOUND', 'That rubric no longer exists.')
    if (latest && definition(toRubric(latest)) === definition(input)) return toRubric(latest)
    const rubric: Rubric = { id: input.id ?? randomUUID(), version: (latest?.version ?? 0) + 1, name: input.name, items: input.items, author, createdMs: now }
    this.insert(rubric)
    return rubric
  }

  private insert(r: Rubric): void {
    this.stmts.insert.run(r.id, r.version, r.name, JSON.stringify(r.items), r.author, r.createdMs)
  }

  /**
   * A version from another install: new versions are added, equal ones change nothing. Two installs
   * that each wrote a different definition under the same version cannot both be right, and a
   * score may already point at either, so that is refused rather than guessed.
   */
  merge(incoming: Rubric): MergeOutcome {
    const local = this.get(incoming.id, incoming.version)
    if (!local) {
      this.insert(incoming)
      return 'added'
    }
    if (definition(local) === definition(incoming)) return 'unchanged'
    throw new AppError('CONFLICT', `rubric "${incoming.name}" version ${incoming.version} differs from this workspace's version ${incoming.version} ("${local.name}"); edit it on one install only`)
  }
}
