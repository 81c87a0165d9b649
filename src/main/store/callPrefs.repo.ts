// A reviewer's per-call choices, kept in the workspace so a rebuilt cache does not lose them.
import type { Db } from './db'

export class CallPrefsRepo {
  constructor(private readonly db: Db) {}

  /** The agent channel a person chose for this call, or null to detect it. */
  agentChannel(callId: string): 0 | 1 | null {
    const row = this.db.prepare('SELECT agent_channel AS ch FROM call_prefs WHERE call_id = ?').get(callId) as { ch: 0 | 1 | null } | undefined
    return row?.ch ?? null
  }

  setAgentChannel(callId: string, channel: 0 | 1 | null): void {
    this.db
      .prepare(
        `INSERT INTO call_prefs (call_id, agent_channel, updated_ms) VALUES (?, ?, ?)
         ON CONFLICT (call_id) DO UPDATE SET agent_channel = excluded.agent_channel, updated_ms = excluded.updated_ms`,
      )
      .run(callId, channel, Date.now())
  }
}
