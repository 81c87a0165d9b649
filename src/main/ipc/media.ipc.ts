// Handlers of the media:* channels: a call's recording, peaks and alignment for the call view.
import type { MediaService } from '../media/media.service'
import type { Handlers } from './dispatch'

type MediaHandlers = Pick<Handlers, 'media:open' | 'media:setAgentChannel'>

export function mediaHandlers(media: MediaService): MediaHandlers {
  return {
    'media:open': (callId) => media.open(callId),
    'media:setAgentChannel': (callId, channel) => media.setAgentChannel(callId, channel),
  }
}
