// Every channel is registered through the single handle(): foreign senders are refused, bad
// arguments give INVALID_INPUT, and handler failures come back as data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ipcMain } from 'electron'
import { CHANNELS } from '@shared/ipc/contract'
import { registerIpc } from '../../src/main/ipc/handle'
import { createServices, type Services } from '../../src/main/services'
import { testEncryptor } from '../support/testEncryptor'
import { tempDir } from '../support/tempDir'

const fakeIpc = ipcMain as unknown as { handlers: Map<string, (e: unknown, ...a: unknown[]) => Promise<unknown>> }
const ours = { id: 41 }
const dir = tempDir()
let services: Services

function event(over: { senderId?: number; url?: string; parent?: unknown } = {}) {
  return {
    sender: { id: over.senderId ?? ours.id },
    senderFrame: { url: over.url ?? 'earmark://app/index.html', parent: over.parent ?? null },
  }
}
const call = (channel: string, ev: unknown, ...args: unknown[]) => fakeIpc.handlers.get(channel)!(ev, ...args)

beforeAll(() => {
  services = createServices({ dataDir: dir.path, encryptor: testEncryptor(), version: '1.2.3', electron: null })
  registerIpc(services.dispatch, { webContents: () => ours as never, origins: ['earmark://app'] })
})
afterAll(() => dir.cleanup())

describe('ipc handle()', () => {
  it('registers every contract channel and nothing else', () => {
    expect([...fakeIpc.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
  })

  it('answers our own window', async () => {
    expect(await call('app:info', event())).toMatchObject({ ok: true, value: { name: 'Earmark', version: '1.2.3' } })
  })

  it.each([
    ['another webContents', { senderId: 99 }],
    ['a sub-frame', { parent: {} }],
    ['another origin', { url: 'https://evil.example/' }],
    ['a data: URL (origin "null")', { url: 'data:text/html,x' }],
    ['a file: URL', { url: 'file:///tmp/x.html' }],
    ['another earmark host', { url: 'earmark://evil/index.html' }],
  ])('refuses %s with FORBIDDEN', async (_label, over) => {
    const result = (await call('settings:setApiKey', event(over), 'sk_live_attacker_key')) as { ok: boolean; error: { code: string } }
    expect(result.ok).toBe(false)
    expect(result.error.code).toBe('FORBIDDEN')
    expect(services.keys.status().hasKey).toBe(false)
  })

  it.each([
    ['a number for the key', 'settings:setApiKey', [42]],
    ['no key', 'settings:setApiKey', []],
    ['an object', 'settings:setApiKey', [{ toString: 'x' }]],
    ['extra arguments', 'app:info', ['surprise']],
    ['a 10 kB string', 'settings:setApiKey', ['x'.repeat(10_000)]],
  ])('answers %s with INVALID_INPUT', async (_label, channel, args) => {
    const result = (await call(channel, event(), ...args)) as { ok: boolean; error: { code: string; message: string } }
    expect(result.ok).toBe(false)
    expect(result.error.code).toBe('INVALID_INPUT')
    expect(result.error.message).toContain(channel)
  })

  it('rejects an unknown channel through dispatch', async () => {
    const result = await services.dispatch('fs:readFile', ['/etc/passwd'])
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('explains a malformed key instead of storing it', async () => {
    const result = (await call('settings:setApiKey', event(), 'has spaces in it')) as { ok: boolean; error: { message: string } }
    expect(result.ok).toBe(false)
    expect(result.error.message).toMatch(/spaces/)
  })
})
