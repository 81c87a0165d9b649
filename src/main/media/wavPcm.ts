// Streams the PCM frames of a WAV file, a chunk at a time: a 60-minute stereo recording is
// hundreds of MB, so it is never read whole. Chunks are walked as RIFF says (any order, odd sizes
// padded to even), so files from other writers than the platform's work too.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { endianness } from 'node:os'
import { basename } from 'node:path'
import { AppError } from '@shared/errors'

export interface WavFormat {
  channels: number
  sampleRate: number
  bitsPerSample: number
  float: boolean
  /** Bytes per frame (all channels of one instant). */
  blockAlign: number
  /** Where the samples start in the file, and how many bytes of whole frames follow. */
  dataOffset: number
  dataBytes: number
  frames: number
}

const PCM = 1
const IEEE_FLOAT = 3
const EXTENSIBLE = 0xfffe
const LITTLE_ENDIAN = endianness() === 'LE'

const fail = (file: string, problem: string) => new AppError('INVALID_INPUT', `The recording ${basename(file)} cannot be read: ${problem}.`)

function readAt(fd: number, pos: number, length: number): Buffer {
  const buf = Buffer.alloc(length)
  const got = readSync(fd, buf, 0, length, pos)
  return got === length ? buf : buf.subarray(0, got)
}

function parseFmt(file: string, body: Buffer): Omit<WavFormat, 'dataOffset' | 'dataBytes' | 'frames'> {
  if (body.length < 16) throw fail(file, 'its format chunk is too short')
  let tag = body.readUInt16LE(0)
  // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
  if (tag === EXTENSIBLE) {
    if (body.length < 26) throw fail(file, 'its extensible format chunk is too short')
    tag = body.readUInt16LE(24)
  }
  const channels = body.readUInt16LE(2)
  const sampleRate = body.readUInt32LE(4)
  const blockAlign = body.readUInt16LE(12)
  const bitsPerSample = body.readUInt16LE(14)
  const float = tag === IEEE_FLOAT
  if (tag !== PCM && !float) throw fail(file, `its samples are compressed (format ${tag}); only PCM and float WAV are supported`)
  if (float ? bitsPerSample !== 32 && bitsPerSample !== 64 : ![8, 16, 24, 32].includes(bitsPerSample)) throw fail(file, `${bitsPerSample}-bit ${float ? 'float' : 'integer'} samples are not supported`)
  if (channels < 1 || sampleRate < 1) throw fail(file, 'its format chunk declares no channels or no sample rate')
  // Some writers leave blockAlign wrong; the frame size follows from the other fields.
  const frameBytes = (channels * bitsPerSample) / 8
  return { channels, sampleRate, bitsPerSample, float, blockAlign: Math.max(blockAlign, frameBytes) }
}

/** The format and where the samples are, from the chunk headers only. */
export function readWavFormat(file: string, fd: number): WavFormat {
  const size = fstatSync(fd).size
  const head = readAt(fd, 0, 12)
  if (head.length < 12 || head.toString('ascii', 0, 4) !== 'RIFF' || head.toString('ascii', 8, 12) !== 'WAVE') {
    throw fail(file, head.length < 12 ? 'the file is empty or truncated' : 'it is not a WAV file (no RIFF/WAVE header)')
  }
  let fmt: ReturnType<typeof parseFmt> | null = null
  let data: { offset: number; bytes: number } | null = null
  let pos = 12
  while (pos + 8 <= size && !(fmt && data)) {
    const h = readAt(fd, pos, 8)
    const id = h.toString('ascii', 0, 4)
    const chunkSize = h.readUInt32LE(4)
    if (id === 'fmt ') {
      if (pos + 8 + chunkSize > size) throw fail(file, 'it is truncated (its format chunk is cut short)')
      fmt = parseFmt(file, readAt(fd, pos + 8, Math.min(chunkSize, 64)))
    }
    else if (id === 'data') {
      const present = size - pos - 8
      // Streaming writers leave the size 0 or 0xffffffff: the data runs to the end of the file.
      const open = chunkSize === 0 || chunkSize === 0xffffffff
      if (!open && chunkSize > present + 1) throw fail(file, `it is truncated (the data chunk declares ${chunkSize} bytes, ${present} are present)`)
      data = { offset: pos + 8, bytes: open ? present : Math.min(chunkSize, present) }
      if (open) break
    }
    pos += 8 + chunkSize + (chunkSize % 2)
  }
  if (!fmt) throw fail(file, 'it has no format chunk (the file may be truncated)')
  if (!data) throw fail(file, 'it has no data chunk (the file may be truncated)')
  const frames = Math.floor(data.bytes / fmt.blockAlign)
  return { ...fmt, dataOffset: data.offset, dataBytes: frames * fmt.blockAlign, frames }
}

/** Decodes `frames` interleaved frames of `buf` into one Float32Array per channel, in [-1, 1]. */
function deinterleave(f: WavFormat, buf: Buffer, frames: number, out: Float32Array[]): void {
  const { channels: nc, blockAlign: ba } = f
  const bytes = f.bitsPerSample / 8
  // The common case (16-bit, frames of whole samples, a little-endian machine) reads through a view.
  const i16 = bytes === 2 && ba === 2 * nc && LITTLE_ENDIAN && buf.byteOffset % 2 === 0 ? new Int16Array(buf.buffer, buf.byteOffset, frames * nc) : null
  for (let c = 0; c < nc; c++) {
    const ch = out[c]!
    let p = c * bytes
    if (f.float && bytes === 4) for (let k = 0; k < frames; k++, p += ba) ch[k] = buf.readFloatLE(p)
    else if (f.float) for (let k = 0; k < frames; k++, p += ba) ch[k] = buf.readDoubleLE(p)
    else if (bytes === 1) for (let k = 0; k < frames; k++, p += ba) ch[k] = (buf[p]! - 128) / 128 // 8-bit is unsigned
    else if (bytes === 2 && i16) for (let k = 0, q = c; k < frames; k++, q += nc) ch[k] = i16[q]! / 32768
    else if (bytes === 2) for (let k = 0; k < frames; k++, p += ba) ch[k] = ((buf[p]! | (buf[p + 1]! << 8)) << 16 >> 16) / 32768
    else if (bytes === 3) for (let k = 0; k < frames; k++, p += ba) ch[k] = ((buf[p]! | (buf[p + 1]! << 8) | (buf[p + 2]! << 16)) << 8 >> 8) / 8388608
    else for (let k = 0; k < frames; k++, p += ba) ch[k] = buf.readInt32LE(p) / 2147483648
  }
}

export interface StreamOptions {
  /** Frames per chunk; default 65 536. */
  chunkFrames?: number
  /** Called once with the format, before the first chunk. */
  onFormat?: (f: WavFormat) => void
}

/**
 * Consecutive blocks of frames, one Float32Array per channel (reused between blocks: copy what
 * must outlive the step). Returns the format. A generator, so a caller may pause between blocks
 * (the app's main process yields to its event loop; see analyseRecordingAsync).
 */
export function* wavChunks(file: string, opts: StreamOptions = {}): Generator<Float32Array[], WavFormat> {
  const chunkFrames = opts.chunkFrames ?? 1 << 16
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (err) {
    throw new AppError('NOT_FOUND', `The recording ${basename(file)} cannot be opened.`, { cause: err })
  }
  try {
    const f = readWavFormat(file, fd)
    opts.onFormat?.(f)
    const buf = Buffer.alloc(chunkFrames * f.blockAlign)
    const out = Array.from({ length: f.channels }, () => new Float32Array(chunkFrames))
    for (let done = 0; done < f.frames; ) {
      const want = Math.min(chunkFrames, f.frames - done)
      const got = readSync(fd, buf, 0, want * f.blockAlign, f.dataOffset + done * f.blockAlign)
      const frames = Math.floor(got / f.blockAlign)
      if (frames === 0) throw fail(file, 'it ended while its samples were being read')
      deinterleave(f, buf, frames, out)
      yield frames === chunkFrames ? out : out.map((ch) => ch.subarray(0, frames))
      done += frames
    }
    return f
  } finally {
    closeSync(fd)
  }
}

/** wavChunks in one go: calls `onChunk` with each block. Returns the format. */
export function streamWav(file: string, onChunk: (channels: Float32Array[], frames: number) => void, opts: StreamOptions = {}): WavFormat {
  const chunks = wavChunks(file, opts)
  for (let step = chunks.next(); ; step = chunks.next()) {
    if (step.done) return step.value
    onChunk(step.value, step.value[0]?.length ?? 0)
  }
}
