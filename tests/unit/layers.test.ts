// The lint layer rules fire: a renderer file importing Node or electron, or main code other
// than ipc/handle.ts importing ipcMain, is an error.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()
async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal')
}

describe('layer rules', () => {
  it.each([
    ['src/renderer/src/x.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync"],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer"],
    ['src/shared/x.ts', "import { join } from 'path'\nexport const x = join"],
    ['src/main/sync/x.ts', "import { ipcMain } from 'electron'\nexport const x = ipcMain"],
    ['src/main/x.ts', "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer"],
  ])('refuses the import in %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports')
  })

  it.each([
    ['src/main/ipc/handle.ts', "import { ipcMain } from 'electron'\nexport const x = ipcMain"],
    ['src/preload/index.ts', "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer"],
    ['src/main/x.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync"],
  ])('allows the import in %s', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain('no-restricted-imports')
  })
})
