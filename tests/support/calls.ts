// Builds domain calls for store tests: deterministic, varied enough to exercise every filter.
import type { CallDetail, CallSummary } from '@shared/domain'

const STATUSES = ['completed', 'completed', 'completed', 'no_answer', 'failed', 'in_progress']
const TYPES = ['telephony_outbound', 'telephony_inbound', 'webcall']
const REASONS = ['user_hangup', 'agent_hangup', 'dial_no_answer', 'timeout']

export function makeCall(i: number, over: Partial<CallSummary> = {}): CallSummary {
  const created = Date.UTC(2026, 9, 1) + i * 60_000
  return {
    id: `CALL-${created}-${i.toString(16).padStart(6, '0')}`,
    dbId: i.toString(16).padStart(24, '0'),
    status: STATUSES[i % STATUSES.length]!,
    type: TYPES[i % TYPES.length]!,
    durationS: (i * 7) % 400,
    from: `+1415555${String(i % 10000).padStart(4, '0')}`,
    to: `+1650555${String((i * 3) % 10000).padStart(4, '0')}`,
    agentId: `agent${i % 3}`.padEnd(24, '0'),
    agentName: ['Delivery', 'Booking', 'Support'][i % 3]!,
    campaignId: i % 4 === 0 ? null : `camp${i % 2}`.padEnd(24, '0'),
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(created + 120_000).toISOString(),
    disconnectReason: REASONS[i % REASONS.length]!,
    failureReason: null,
    costCredits: Math.round(((i * 13) % 300) / 10) / 10,
    recordingUrl: i % 5 === 0 ? null : `https://cdn.example/${i}/composite.wav`,
    recordingDualUrl: i % 5 === 0 ? null : `https://cdn.example/${i}/dual.wav`,
    retryCount: 0,
    retryAttemptNumber: 0,
    retryCallId: null,
    isTest: i % 10 === 0,
    versionId: null,
    versionNumber: 3,
    dispositions: { call_resolved: i % 2 ? 'resolved' : 'unresolved' },
    summary: `Summary of call ${i} about ${['delivery', 'booking', 'refund'][i % 3]}.`,
    dispositionResults: [],
    latency: { turns: 4, avgMs: 500 + ((i * 37) % 1500), medianMs: null, minMs: null, maxMs: null, perTurnMs: [], transitions: [], processedAt: null, legacy: null },
    ...over,
  }
}

export function makeDetail(summary: CallSummary, lines: string[]): CallDetail {
  return {
    ...summary,
    transcript: lines.map((text, index) => ({ index, role: index % 2 ? 'user' : 'agent', text, at: summary.createdAt, offsetMs: null })),
    events: [{ event_type: 'call_start' }],
    variables: { customer_name: 'Priya' },
    agent: { id: summary.agentId, name: summary.agentName, raw: {} },
    voice: null,
    slmModel: 'electron',
  }
}

export const rawOf = (c: CallSummary) => ({ callId: c.id, status: c.status, updatedAt: c.updatedAt })
