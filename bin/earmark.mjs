#!/usr/bin/env node
// The `earmark` command of the package: runs the TypeScript CLI through tsx, with the project's
// tsconfig (for the @shared/* path) wherever it is started from.
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })
const { startCli } = await import('../src/cli/main.ts')
await startCli()
