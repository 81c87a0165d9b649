// Lint rules, including the layer rules that keep the architecture honest:
// renderer/ and shared/ import neither electron nor Node; only main/ipc/handle.ts touches
// ipcMain; only the preload touches ipcRenderer and contextBridge.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'stream', 'url', 'util', 'zlib', 'events', 'worker_threads']
const noNode = [
  { group: ['node:*', ...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `${m}/*`)], message: 'This layer runs without Node: no node:* imports.' },
  { group: ['electron', 'electron/*'], message: 'This layer must not import electron: go through the typed bridge.' },
  { group: ['better-sqlite3'], message: 'SQL lives in the main process only.' },
]
const ipcMainOnly = { name: 'electron', importNames: ['ipcMain'], message: 'Only src/main/ipc/handle.ts may use ipcMain.' }
const rendererIpcOnly = { name: 'electron', importNames: ['ipcRenderer', 'contextBridge'], message: 'Only the preload may use ipcRenderer or contextBridge.' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-restricted-imports': ['error', { paths: [ipcMainOnly, rendererIpcOnly] }],
    },
  },
  {
    files: ['src/main/ipc/handle.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [rendererIpcOnly] }] },
  },
  {
    files: ['src/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [ipcMainOnly] }] },
  },
  {
    files: ['tests/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/renderer/**', 'src/shared/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: noNode }] },
  },
  {
    files: ['src/renderer/**/*.tsx', 'src/renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
)
