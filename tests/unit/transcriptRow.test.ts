// Stored transcripts: what is written is what is read back, turn for turn.
import { describe, expect, it } from 'vitest'
import type { TranscriptTurn } from '@shared/domain'
import { decodeTranscript, encodeTranscript, storedTranscriptText, transcriptText } from '../../src/main/store/transcriptRow'

const turns: TranscriptTurn[] = [
  { index: 0, role: 'agent', text: 'Hello, "quoted", a \\ backslash and\na newline.', at: '2026-10-01T10:00:04.000Z', offsetMs: null },
  { index: 1, role: 'user', text: 'Ça va 👍', at: null, offsetMs: 5250.5 },
  { index: 2, role: 'transfer_agent', text: '', at: null, offsetMs: null },
]

describe('stored transcripts', () => {
  it('read back exactly as they were written, each turn numbered by its place', () => {
    expect(decodeTranscript(encodeTranscript(turns))).toEqual(turns)
    expect(decodeTranscript(encodeTranscript([]))).toEqual([])
  })

  it('give the same words to search whether read from a transcript or from its stored form', () => {
    expect(storedTranscriptText(encodeTranscript(turns))).toBe(transcriptText(turns))
  })
})
