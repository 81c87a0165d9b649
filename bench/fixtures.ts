// Synthetic calls for the benchmark: N calls with transcripts whose words, agents, statuses and
// numbers vary like real ones, generated fast and deterministically (no network, no files).
import type { CallDetail, CallSummary } from '@shared/domain'
import { mulberry32 } from '../src/emulator/random'

const AGENTS = ['Delivery Reschedule', 'Appointment Booking', 'Payment Reminder', 'Support Triage', 'Survey'].map((name, i) => ({
  id: (i + 1).toString(16).padStart(24, 'a'),
  name,
}))
const STATUSES = ['completed', 'completed', 'completed', 'completed', 'no_answer', 'failed', 'cancelled', 'busy']
const TYPES = ['telephony_outbound', 'telephony_outbound', 'telephony_inbound', 'webcall']
const REASONS = ['user_hangup', 'agent_hangup', 'dial_no_answer', 'timeout', 'transfer_complete']
const AGENT_LINES = [
  'Hello, this is the assistant calling about your delivery scheduled for tomorrow.',
  'I can move the appointment to Thursday afternoon if that suits you better.',
  'Your payment of forty dollars is due on Friday, would you like to pay now?',
  'I have noted that the parcel should be left with the neighbour.',
  'Thank you, I have updated the booking and you will receive a confirmation message.',
  'Could you confirm the last four digits of the account number please?',
]
const USER_LINES = [
  'Yes speaking, what is this about?',
  'Can we do the morning instead, I am at work in the afternoon.',
  'I already paid that invoice last week, please check again.',
  'The package arrived damaged and I want a refund.',
  'No thanks, please remove me from the list.',
  'Sure, that works for me, thank you.',
]

export function benchCall(i: number): CallDetail {
  const r = mulberry32(i + 1)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
  const created = Date.UTC(2026, 7, 1) + i * 77_000
  const agent = pick(AGENTS)
  const status = pick(STATUSES)
  const connected = status === 'completed'
  const turns = connected ? 4 + Math.floor(r() * 16) : 0
  const transcript = Array.from({ length: turns }, (_, index) => ({
    index,
    role: index % 2 ? 'user' : 'agent',
    text: index % 2 ? pick(USER_LINES) : pick(AGENT_LINES),
    at: new Date(created + 4000 + index * 5000).toISOString(),
    offsetMs: null,
  }))
  const summary: CallSummary = {
    id: `CALL-${created}-${(i & 0xffffff).toString(16).padStart(6, '0')}`,
    dbId: i.toString(16).padStart(24, '0'),
    status,
    type: pick(TYPES),
    durationS: connected ? Math.round(r() * 600 * 10) / 10 : 0,
    from: `+1415${String(Math.floor(r() * 1e7)).padStart(7, '0')}`,
    to: `+1650${String(Math.floor(r() * 1e7)).padStart(7, '0')}`,
    agentId: agent.id,
    agentName: agent.name,
    campaignId: r() < 0.3 ? null : `c${Math.floor(r() * 8)}`.padEnd(24, '0'),
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(created + 200_000).toISOString(),
    disconnectReason: connected ? pick(REASONS.slice(0, 2)) : pick(REASONS),
    failureReason: null,
    costCredits: connected ? Math.round(r() * 300) / 100 : 0,
    recordingUrl: connected ? `https://cdn.example/${i}/composite.wav` : null,
    recordingDualUrl: connected ? `https://cdn.example/${i}/dual.wav` : null,
    retryCount: 0,
    retryAttemptNumber: 0,
    retryCallId: null,
    isTest: r() < 0.02,
    versionId: null,
    versionNumber: 1 + Math.floor(r() * 5),
    dispositions: connected ? { call_resolved: r() < 0.7 ? 'resolved' : 'unresolved' } : {},
    summary: connected ? `The customer ${pick(['agreed to', 'declined', 'asked about'])} the ${pick(['new slot', 'refund', 'payment plan', 'delivery'])}.` : null,
    dispositionResults: [],
    latency: connected ? { turns, avgMs: 400 + Math.round(r() * 1600), medianMs: null, minMs: null, maxMs: null, perTurnMs: [], transitions: [], processedAt: null, legacy: null } : null,
  }
  return { ...summary, transcript, events: [], variables: {}, agent: { id: agent.id, name: agent.name, raw: {} }, voice: null, slmModel: 'electron' }
}
