// The part of the Atoms client the sync engine uses. Typed structurally so the engine depends on
// behaviour, not on the client's module layout.
import type { CallDetail, CallListPage, CallSearchResult, ListCallsParams } from '@shared/domain'

export interface AtomsApi {
  listCalls(params: ListCallsParams, signal?: AbortSignal): Promise<CallListPage>
  getCall(callId: string, signal?: AbortSignal): Promise<{ call: CallDetail; raw: Record<string, unknown> }>
  searchCalls(callIds: string[], signal?: AbortSignal): Promise<CallSearchResult>
  getRecordingDownloadUrl(callId: string, signal?: AbortSignal): Promise<string>
  downloadRecording(
    url: string,
    destFile: string,
    opts?: { signal?: AbortSignal; onProgress?: (bytes: number, total: number | null) => void },
  ): Promise<{ bytes: number; contentType: string | null }>
}
