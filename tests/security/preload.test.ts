// The bridge exposes exactly the contract: one function per channel, nothing that reaches
// ipcRenderer, require or process, and the shipped bundle loads nothing but electron.
import { existsSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { contextBridge, ipcRenderer } from 'electron'
import { API_METHODS, API_SUBSCRIPTIONS } from '@shared/ipc/contract'

type Exposed = Record<string, (...a: unknown[]) => unknown>
let api: Exposed

beforeAll(async () => {
  await import('../../src/preload/index')
  api = (contextBridge as unknown as { exposed: Record<string, Exposed> }).exposed.api!
})

describe('preload bridge', () => {
  it('exposes only window.api', () => {
    expect(Object.keys((contextBridge as unknown as { exposed: object }).exposed)).toEqual(['api'])
  })

  it('has exactly the methods and subscriptions of the contract', () => {
    const expected = [...Object.keys(API_METHODS), ...Object.keys(API_SUBSCRIPTIONS)].sort()
    expect(Object.keys(api).sort()).toEqual(expected)
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('offers no generic passthrough', () => {
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'on', 'require', 'process', 'electron']) {
      expect(api).not.toHaveProperty(forbidden)
    }
  })

  it('sends each method on its own channel, and nothing else', async () => {
    const fake = ipcRenderer as unknown as { invoked: unknown[][] }
    for (const [method, channel] of Object.entries(API_METHODS)) {
      fake.invoked.length = 0
      await api[method]!('arg')
      expect(fake.invoked).toHaveLength(1)
      expect(fake.invoked[0]![0]).toBe(channel)
    }
  })

  it('subscriptions deliver payloads without the event and can be removed', () => {
    const seen: unknown[] = []
    const off = api.onNotice!((n: unknown) => seen.push(n)) as () => void
    ipcRenderer.emit('app:notice', { sender: 'leak' }, { level: 'info', message: 'hi' })
    off()
    ipcRenderer.emit('app:notice', {}, { level: 'info', message: 'again' })
    expect(seen).toEqual([{ level: 'info', message: 'hi' }])
  })

  it('the built preload is one bundle that requires only electron', () => {
    const file = 'out/preload/index.cjs'
    expect(existsSync(file), 'run `npm run build` before the tests').toBe(true)
    const requires = [...readFileSync(file, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect([...new Set(requires)]).toEqual(['electron'])
  })
})
