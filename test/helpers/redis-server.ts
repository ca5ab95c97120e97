import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, expect } from 'vitest';

/** A free TCP port on 127.0.0.1 (listened on once, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

/** A redis-server of the test's own (no persistence), which the test stops and starts; killed after the suite. */
export interface OwnRedis {
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const own: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore',
      });
      const probe = new Redis(own.url, {
        lazyConnect: true,
        retryStrategy: () => 20,
        maxRetriesPerRequest: 0,
      });
      probe.on('error', () => undefined);
      await expect.poll(() => probe.ping().catch(() => 'down'), { timeout: 10_000 }).toBe('PONG');
      probe.disconnect();
    },
    async stop() {
      const running = child;
      child = null;
      if (running === null || running.exitCode !== null) return;
      const exited = once(running, 'exit');
      running.kill('SIGTERM');
      await exited;
    },
  };
  afterAll(() => own.stop());
  await own.start();
  return own;
}
