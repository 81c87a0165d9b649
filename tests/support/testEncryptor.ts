// A real reversible cipher standing in for the OS keychain behind Electron's safeStorage, so tests
// can check that the key file on disk never holds the key in plain text.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { Encryptor } from '../../src/main/secrets/apiKey.service'

const KEY = Buffer.alloc(32, 7)

export function testEncryptor(backend = 'gnome_libsecret', available = true): Encryptor {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', KEY, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decryptString(blob) {
      const decipher = createDecipheriv('aes-256-gcm', KEY, blob.subarray(0, 12))
      decipher.setAuthTag(blob.subarray(12, 28))
      return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}
