// The API key can be set and tested over the bridge but never read back, is encrypted on disk,
// and never appears in a log line.
import { existsSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { CHANNELS } from '@shared/ipc/contract'
import { createServices } from '../../src/main/services'
import { redact, setLogSink } from '../../src/main/log'
import { testEncryptor } from '../support/testEncryptor'
import { tempDir } from '../support/tempDir'

const KEY = 'sk_live_4f9c2b7e1d0a8c3f5e6b'
const dirs: { cleanup: () => void }[] = []
function services(encryptor = testEncryptor()) {
  const dir = tempDir()
  dirs.push(dir)
  return createServices({ dataDir: dir.path, encryptor, version: '1', electron: null })
}
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()))

describe('API key', () => {
  it('can be set, tested and cleared, and no channel ever returns it', async () => {
    const s = services()
    // Never let a test reach the real API: point the workspace at a closed local port.
    s.settings.update({ baseUrl: 'http://127.0.0.1:9/atoms/v1' })
    const lines: string[] = []
    setLogSink((l) => lines.push(l), 'debug')
    const set = await s.dispatch('settings:setApiKey', [KEY])
    expect(set).toMatchObject({ ok: true, value: { hasKey: true, protection: 'os', warning: null } })
    // Every read-only channel, and setting the key itself, answer without the key.
    const changesKeyOrNetwork = ['settings:clearApiKey', 'workspace:openDemo', 'workspace:connect', 'sync:start']
    for (const channel of CHANNELS.filter((c) => !changesKeyOrNetwork.includes(c))) {
      const args = channel === 'settings:setApiKey' ? [KEY] : []
      expect(JSON.stringify(await s.dispatch(channel, args)), channel).not.toContain(KEY)
    }
    expect(lines.join('\n')).not.toContain(KEY)
    expect(s.keys.getKey()).toBe(KEY)
    expect(await s.dispatch('settings:clearApiKey', [])).toMatchObject({ ok: true, value: { hasKey: false } })
    expect(existsSync(s.paths.apiKeyFile)).toBe(false)
    s.close()
  })

  it('is encrypted at rest and survives a restart', async () => {
    const s = services()
    await s.dispatch('settings:setApiKey', [KEY])
    expect(readFileSync(s.paths.apiKeyFile).toString('latin1')).not.toContain(KEY)
    const again = createServices({ dataDir: s.paths.root, encryptor: testEncryptor(), version: '1', electron: null })
    expect(again.keys.status().hasKey).toBe(true)
    expect(again.keys.getKey()).toBe(KEY)
  })

  it('says plainly when Linux offers only basic_text obfuscation', async () => {
    const s = services(testEncryptor('basic_text'))
    const result = await s.dispatch('settings:setApiKey', [KEY])
    expect(result).toMatchObject({ ok: true, value: { protection: 'basic_text', warning: expect.stringMatching(/not encrypted/) } })
  })

  it('keeps the key in memory only when no encryption exists', async () => {
    const s = services(testEncryptor('unknown', false))
    const result = await s.dispatch('settings:setApiKey', [KEY])
    expect(result).toMatchObject({ ok: true, value: { hasKey: true, protection: 'unavailable' } })
    expect(existsSync(s.paths.apiKeyFile)).toBe(false)
  })

  it('treats an undecryptable key file as no key, without crashing', async () => {
    const s = services()
    await s.dispatch('settings:setApiKey', [KEY])
    const other = createServices({
      dataDir: s.paths.root,
      encryptor: { ...testEncryptor(), decryptString: () => { throw new Error('bad blob') } },
      version: '1',
      electron: null,
    })
    expect(other.keys.status().hasKey).toBe(false)
  })

  it('redacts keys and bearer tokens from any text', () => {
    expect(redact(`GET /x Authorization: Bearer ${KEY}`)).not.toContain(KEY)
    expect(redact('failed with sk_test_abcdefgh in url')).toBe('failed with sk_[redacted] in url')
  })
})
