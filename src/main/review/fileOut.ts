// Writes an export line by line to FILE.part and renames it when complete, so a failed export
// never leaves a half file under the requested name (as the calls export does).
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'

const CHUNK = 1 << 20

export function writeLines(outFile: string, lines: Iterable<string>): void {
  const tmp = `${outFile}.part`
  const fd = openSync(tmp, 'w')
  try {
    let buffer = ''
    for (const line of lines) {
      buffer += line + '\n'
      if (buffer.length >= CHUNK) {
        writeSync(fd, buffer)
        buffer = ''
      }
    }
    writeSync(fd, buffer)
    closeSync(fd)
    renameSync(tmp, outFile)
  } catch (err) {
    try {
      closeSync(fd)
    } catch {
      // Already closed: the rename failed.
    }
    rmSync(tmp, { force: true })
    throw err
  }
}
