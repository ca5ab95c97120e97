import { spawn } from 'node:child_process';
import { afterAll } from 'vitest';

export interface CliRun {
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  /** Resolves with the first match of `pattern` in stdout and stderr; rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Runs `node dist/cli.js ...args` (built by the global setup) with extra environment; killed after the suite. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const child = spawn(process.execPath, ['dist/cli.js', ...args], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  afterAll(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  });
  return {
    exited,
    output: () => output,
    waitFor: (pattern) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match !== null) resolve(match);
        };
        child.stdout.on('data', check);
        child.stderr.on('data', check);
        void exited.then(() => {
          check();
          reject(new Error(`exited before ${String(pattern)}: ${output}`));
        });
        check();
      }),
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
