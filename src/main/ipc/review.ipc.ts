// Handlers of the review:* channels: what people write about calls (annotations, tags, scores,
// status) and the review queue. Arguments arrive parsed (schemas.ts); the service does the rest.
import type { ReviewService } from '../review/review.service'
import type { Handlers } from './dispatch'

type ReviewChannels = Extract<keyof Handlers, `review:${string}`>

export function reviewHandlers(review: ReviewService): Pick<Handlers, ReviewChannels> {
  return {
    'review:get': (callId) => review.get(callId),
    'review:saveAnnotation': (input) => review.saveAnnotation(input),
    'review:deleteAnnotation': (id) => review.deleteAnnotation(id),
    'review:undo': (callId) => review.undo(callId),
    'review:setTags': (callId, tags) => review.setTags(callId, tags),
    'review:tagSuggestions': (prefix) => review.tagSuggestions(prefix),
    'review:labelSuggestions': (prefix) => review.labelSuggestions(prefix),
    'review:listRubrics': () => review.listRubrics(),
    'review:saveRubric': (input) => review.saveRubric(input),
    'review:saveScore': (input) => review.saveScore(input),
    'review:setStatus': (callId, status) => review.setStatus(callId, status),
    'review:next': (viewId) => review.next(viewId),
  }
}
