// The demo workspace: the built-in Atoms emulator on 127.0.0.1 with generated calls and
// recordings, so a first run without an API key shows real-looking data at once. The emulator
// runs inside the main process and stops with it.
import { startEmulator, type Emulator } from '../emulator/server'
import { logger } from './log'

export const DEMO_KEY = 'sk_demo_earmark_workspace'
const log = logger('demo')

export class DemoWorkspace {
  private emulator: Promise<Emulator> | null = null

  /** Starts the emulator (once) and returns its base URL. */
  async start(): Promise<string> {
    this.emulator ??= startEmulator({ port: 0, calls: 2000, seed: 42, apiKey: DEMO_KEY }).then((emu) => {
      log.info(`demo workspace served at ${emu.url}`)
      return emu
    })
    try {
      return (await this.emulator).url
    } catch (err) {
      this.emulator = null
      throw err
    }
  }

  async stop(): Promise<void> {
    const running = this.emulator
    this.emulator = null
    if (running) await (await running).close()
  }
}
