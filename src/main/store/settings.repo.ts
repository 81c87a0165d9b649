// The user's settings, in the workspace database (they survive a cache rebuild). Each setting is
// parsed when read, so a hand-edited or older value falls back to its default instead of breaking.
import { z } from 'zod'
import { AppError } from '@shared/errors'
import type { Db } from './db'

export const settingsSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).default('https://api.smallest.ai/atoms/v1'),
  syncIntervalMin: z.number().int().min(0).max(24 * 60).default(15),
  requestsPerSecond: z.number().min(0.5).max(200).default(8),
  recordingBudgetMb: z.number().int().min(0).max(1_000_000).default(2048),
  agentChannel: z.enum(['auto', '0', '1']).default('auto'),
  latencyWarnMs: z.number().int().min(0).max(60_000).default(800),
  latencyBadMs: z.number().int().min(0).max(60_000).default(1500),
  reviewerName: z.string().max(100).default(''),
  demo: z.boolean().default(false),
})

export type Settings = z.infer<typeof settingsSchema>

export class SettingsRepo {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]
    const defaults = settingsSchema.parse({})
    const out: Record<string, unknown> = { ...defaults }
    for (const { key, value } of rows) {
      if (!(key in settingsSchema.shape)) continue
      try {
        const field = settingsSchema.shape[key as keyof Settings]
        const parsed = field.safeParse(JSON.parse(value))
        if (parsed.success) out[key] = parsed.data
      } catch {
        // A damaged value keeps its default.
      }
    }
    return out as Settings
  }

  /** Validates every given key on its own (so absent keys are never reset to their defaults). */
  update(patch: Record<string, unknown>): Settings {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined)
    const parsed = entries.map(([key, value]) => {
      const field = settingsSchema.shape[key as keyof Settings]
      if (!field) throw new AppError('INVALID_INPUT', `"${key}" is not a setting.`)
      const result = field.safeParse(value)
      if (!result.success) throw new AppError('INVALID_INPUT', `Setting ${key}: ${result.error.issues[0]?.message ?? 'invalid value'}`)
      return [key, result.data] as const
    })
    const put = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    this.db.transaction(() => {
      for (const [key, value] of parsed) put.run(key, JSON.stringify(value))
    })()
    return this.get()
  }
}
