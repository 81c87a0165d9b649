// What a command may touch of the outside world, passed in so tests can run commands in-process.
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  /** True when stderr is a terminal: progress bars are drawn only then. */
  interactive: boolean
}

export const processIo = (): CliIo => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  interactive: Boolean(process.stderr.isTTY),
})
