// Reads what a recording file is from its first bytes: the platform's URLs do not promise a
// format (WAV in practice, MP3 in some examples), so the content decides, not the extension.
import { openSync, readSync, closeSync, fstatSync } from 'node:fs'

export interface AudioInfo {
  format: 'wav' | 'mp3' | 'unknown'
  channels: number | null
  sampleRate: number | null
  durationS: number | null
  bytes: number
}

export function readAudioInfo(file: string): AudioInfo {
  const fd = openSync(file, 'r')
  try {
    const bytes = fstatSync(fd).size
    const head = Buffer.alloc(Math.min(bytes, 8192))
    readSync(fd, head, 0, head.length, 0)
    return { ...sniff(head, bytes), bytes }
  } finally {
    closeSync(fd)
  }
}

export function sniff(head: Buffer, totalBytes: number): Omit<AudioInfo, 'bytes'> {
  if (head.length >= 12 && head.toString('ascii', 0, 4) === 'RIFF' && head.toString('ascii', 8, 12) === 'WAVE') return wavInfo(head, totalBytes)
  const id3 = head.length >= 3 && head.toString('ascii', 0, 3) === 'ID3'
  const frameSync = head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0
  if (id3 || frameSync) return { format: 'mp3', channels: null, sampleRate: null, durationS: null }
  return { format: 'unknown', channels: null, sampleRate: null, durationS: null }
}

function wavInfo(head: Buffer, totalBytes: number): Omit<AudioInfo, 'bytes'> {
  let channels: number | null = null
  let sampleRate: number | null = null
  let byteRate: number | null = null
  let dataBytes: number | null = null
  for (let pos = 12; pos + 8 <= head.length; ) {
    const id = head.toString('ascii', pos, pos + 4)
    const size = head.readUInt32LE(pos + 4)
    if (id === 'fmt ' && pos + 24 <= head.length) {
      channels = head.readUInt16LE(pos + 10)
      sampleRate = head.readUInt32LE(pos + 12)
      byteRate = head.readUInt32LE(pos + 16)
    } else if (id === 'data') {
      // Streaming writers leave the size as 0 or 0xffffffff: the rest of the file is data then.
      dataBytes = size === 0 || size === 0xffffffff ? totalBytes - pos - 8 : Math.min(size, totalBytes - pos - 8)
      break
    }
    pos += 8 + size + (size % 2)
  }
  const durationS = byteRate && dataBytes !== null ? dataBytes / byteRate : null
  return { format: 'wav', channels, sampleRate, durationS }
}
