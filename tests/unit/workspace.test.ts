// Settings and saved views live in the workspace database: validated on the way in, tolerant of
// damaged rows on the way out, and untouched by a cache rebuild.
import { afterEach, describe, expect, it } from 'vitest'
import { dataPaths } from '../../src/main/paths'
import { openStore } from '../../src/main/store/store'
import { SettingsRepo } from '../../src/main/store/settings.repo'
import { ViewsRepo } from '../../src/main/store/views.repo'
import { tempDir } from '../support/tempDir'

const dirs: { cleanup: () => void }[] = []
function store() {
  const d = tempDir()
  dirs.push(d)
  return { paths: dataPaths(d.path), store: openStore(dataPaths(d.path)) }
}
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()))

const layout = { columns: ['createdAt', 'id', 'status'] as const, widths: { id: 240 } }

describe('settings', () => {
  it('has defaults, keeps changes, and never resets keys that were not given', () => {
    const { store: s } = store()
    const settings = new SettingsRepo(s.workspace)
    expect(settings.get()).toMatchObject({ baseUrl: 'https://api.smallest.ai/atoms/v1', syncIntervalMin: 15, latencyWarnMs: 800, latencyBadMs: 1500 })
    settings.update({ reviewerName: 'Ana', syncIntervalMin: 5 })
    settings.update({ latencyWarnMs: 700 })
    expect(settings.get()).toMatchObject({ reviewerName: 'Ana', syncIntervalMin: 5, latencyWarnMs: 700 })
    s.close()
  })

  it.each([
    [{ baseUrl: 'ftp://x' }, /baseUrl/],
    [{ syncIntervalMin: -1 }, /syncIntervalMin/],
    [{ colour: 'red' }, /"colour" is not a setting/],
  ])('refuses %j naming the setting', (patch, message) => {
    const { store: s } = store()
    expect(() => new SettingsRepo(s.workspace).update(patch)).toThrow(message)
    s.close()
  })

  it('falls back to the default for a damaged stored value', () => {
    const { store: s } = store()
    s.workspace.prepare("INSERT INTO settings (key, value) VALUES ('syncIntervalMin', '\"often\"'), ('latencyBadMs', '{not json')").run()
    expect(new SettingsRepo(s.workspace).get()).toMatchObject({ syncIntervalMin: 15, latencyBadMs: 1500 })
    s.close()
  })
})

describe('saved views', () => {
  it('saves, renames, refuses duplicate names, deletes, and survives a cache rebuild', () => {
    const { store: s, paths } = store()
    const views = new ViewsRepo(s.workspace)
    const a = views.save({ name: 'Failed this week', query: { statuses: ['failed'] }, layout: { ...layout, columns: [...layout.columns] } })
    views.save({ name: 'Long calls', query: { durationMin: 300 }, layout: { ...layout, columns: [...layout.columns] } })
    expect(() => views.save({ name: 'long calls', query: {}, layout: { ...layout, columns: [...layout.columns] } })).toThrow(/already exists/)
    views.save({ id: a.id, name: 'Failed', query: { statuses: ['failed', 'no_answer'] }, layout: { ...layout, columns: [...layout.columns] } })
    s.close()
    const reopened = openStore(paths)
    reopened.cache.exec('DELETE FROM calls')
    const again = new ViewsRepo(reopened.workspace)
    expect(again.list().map((v) => [v.name, v.query])).toEqual([
      ['Failed', { statuses: ['failed', 'no_answer'] }],
      ['Long calls', { durationMin: 300 }],
    ])
    expect(again.delete(a.id)).toBe(true)
    expect(again.list()).toHaveLength(1)
    reopened.close()
  })

  it('hides a hand-edited view that no longer parses instead of failing the list', () => {
    const { store: s } = store()
    const views = new ViewsRepo(s.workspace)
    views.save({ name: 'Good', query: {}, layout: { ...layout, columns: [...layout.columns] } })
    s.workspace.prepare("INSERT INTO saved_views (id, name, query_json, created_ms, updated_ms) VALUES ('x', 'Bad', '{\"query\":{\"limit\":-5}}', 0, 0)").run()
    expect(views.list().map((v) => v.name)).toEqual(['Good'])
    s.close()
  })

  it('keeps the list state for the next start', () => {
    const { store: s } = store()
    const views = new ViewsRepo(s.workspace)
    expect(views.getListState()).toBeNull()
    const state = { query: { text: 'refund', sortBy: 'cost' as const }, layout: { ...layout, columns: [...layout.columns] }, viewId: null }
    views.setListState(state)
    expect(views.getListState()).toEqual(state)
    s.close()
  })
})
