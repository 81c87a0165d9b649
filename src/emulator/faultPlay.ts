// Plays out a drawn fault on a live response (see faults.ts for what each one means).
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Fault } from './faults'
import { sendRateLimited } from './rateLimit'

const CUT_BODY = '{"status":true,"data":{"logs":[{"_id":"6776b1c4e1f2a3b4c5d6e7f8","callId":"CALL-'

/** Answers (or drops) the request as the fault says; false when the request should go on (slow). */
export async function playFault(fault: Fault, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  switch (fault.kind) {
    case '429':
      sendRateLimited(res, fault.shape, 1, fault.retryAfter, 10)
      return true
    case '500':
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ status: false, errors: ['Internal server error'] }))
      return true
    case '504':
      // The gateway's page, not the API's envelope: a client must not expect JSON here.
      res.writeHead(504, { 'content-type': 'text/html' }).end('<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center></body></html>')
      return true
    case 'reset':
      if (fault.when === 'during') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' })
        res.write(CUT_BODY, () => req.socket.destroy())
      } else req.socket.destroy()
      return true
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' }).end(fault.body === 'cut' ? CUT_BODY : '<html><body>Bad gateway</body></html>')
      return true
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, fault.ms))
      return false
  }
}
