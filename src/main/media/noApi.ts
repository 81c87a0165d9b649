// The Atoms API as seen without a key: recordings already on disk still play, and anything that
// would need the network says what is missing.
import { AppError } from '@shared/errors'
import type { AtomsApi } from '../sync/atomsApi'

const noKey = () => Promise.reject(new AppError('UNAUTHORIZED', 'Add an API key to download recordings and transcripts.'))

export const NO_API: AtomsApi = { listCalls: noKey, getCall: noKey, searchCalls: noKey, getRecordingDownloadUrl: noKey, downloadRecording: noKey }
