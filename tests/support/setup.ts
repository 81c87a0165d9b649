// Keeps expected warnings (refused IPC calls, blocked navigation) out of the test output.
// EARMARK_LOG=debug shows them.
import { setLogSink } from '../../src/main/log'

if (process.env.EARMARK_LOG !== 'debug') setLogSink(() => {}, 'info')
