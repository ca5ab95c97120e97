import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';

export interface ReceivedCall {
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  readonly at: number;
}

export interface Receiver {
  readonly url: string;
  readonly calls: ReceivedCall[];
  /** The status the next calls get; a function sees how many calls came before. */
  answer: (index: number) => number;
  /** Resolves once at least `count` calls arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedCall[]>;
}

/** An HTTP server on port 0 that records every POST, answering 200 unless told otherwise. */
export async function startReceiver(): Promise<Receiver> {
  const calls: ReceivedCall[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const receiver: Receiver = {
    url: '',
    calls,
    answer: () => 200,
    waitFor(count, timeoutMs = 10_000) {
      if (calls.length >= count) return Promise.resolve(calls);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} calls, got ${calls.length}`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(calls);
          },
        });
      });
    },
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = receiver.answer(calls.length);
      calls.push({
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
        at: Date.now(),
      });
      response.writeHead(status).end();
      for (const waiter of waiters.filter((candidate) => calls.length >= candidate.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return Object.assign(receiver, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks` });
}
