import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root (this file runs from `dist-bench/`). */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface Child {
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node args...` and waits until its output matches `ready` (group 1 is the URL). */
export function startProcess(
  args: readonly string[],
  ready: RegExp,
  env: Record<string, string> = {},
): Promise<Child> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match?.[1] !== undefined) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        child.stderr.resume();
        resolve({
          url: match[1],
          process: child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) {
                done();
                return;
              }
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)));
  });
}

export const TOKEN = 'bench-token';
export const SECRET = 'bench-webhook-secret-0123456789';

export function startEmulator(flags: readonly string[]): Promise<Child> {
  return startProcess(
    ['dist/cli.js', 'emulator', '--port', '0', '--token', TOKEN, '--quota', '1000000', ...flags],
    /listening on (http:\/\/\S+)/,
  );
}

/** A gateway process against an emulator, as a user would run one against a store. */
export function startGateway(emulatorUrl: string, env: Record<string, string> = {}): Promise<Child> {
  // "backorder-gateway ready: GraphiQL at <url>/graphql", or "... ready: <url>/graphql (GraphiQL off; ...)".
  return startProcess(
    ['--expose-gc', 'dist/cli.js', 'start'],
    /backorder-gateway [^:]*: (?:GraphiQL at )?(http:\/\/\S+)\/graphql/,
    {
      PORT: '0',
      BIGCOMMERCE_STORE_HASH: 'abc123',
      BIGCOMMERCE_ACCESS_TOKEN: TOKEN,
      BIGCOMMERCE_API_URL: emulatorUrl,
      WEBHOOK_SECRET: SECRET,
      LOG_LEVEL: 'error',
      // The bench measures the data path: no client authentication or rate limit, GraphiQL and introspection as before.
      ALLOW_UNAUTHENTICATED: 'true',
      CLIENT_RATE_LIMIT: '0',
      GRAPHIQL: 'true',
      INTROSPECTION: 'true',
      ...env,
    },
  );
}

export function startBaseline(
  name: 'baseline-yoga' | 'baseline-ws' | 'baseline-catalog',
  env: Record<string, string> = {},
): Promise<Child> {
  return startProcess([`dist-bench/${name}.js`], /listening on (http:\/\/\S+)/, env);
}
