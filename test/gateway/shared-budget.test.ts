import { afterAll, describe, expect, it } from 'vitest';
import { REDIS_URL, testPrefix } from '../helpers/redis.js';
import { createGateway, type Gateway } from '../../src/gateway/create-gateway.js';
import { createLogger } from '../../src/gateway/logger.js';
import { lastSeq, requestsSince, startEmulator, TOKEN } from '../helpers/emulator.js';

const LOCATIONS = '{ locations { entityId } }';

async function query(gateway: Gateway): Promise<unknown> {
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOCATIONS }),
  });
  return ((await response.json()) as { errors?: unknown }).errors;
}

describe('the store budget shared by replicas through Redis', () => {
  it('keeps three replicas under load within the store quota: the store never answers 429', async () => {
    const emulator = await startEmulator({ quota: 8, windowMs: 1_500 });
    const prefix = testPrefix();
    const replicas = await Promise.all(
      [0, 1, 2].map(() =>
        createGateway({
          storeUrl: emulator.storeUrl,
          accessToken: TOKEN,
          redisUrl: REDIS_URL,
          redisPrefix: prefix,
          logger: createLogger({ level: 'error', write: () => undefined }),
          // Every call of the window counts here: no read of the store's schema at start.
          remoteSchema: false,
        }),
      ),
    );
    afterAll(() => Promise.all(replicas.map((replica) => replica.stop())));
    const since = await lastSeq(emulator);
    // 30 reads, 10 per replica, 4 at a time on each: about four windows' worth of the store's quota.
    const errors = await Promise.all(
      replicas.map(async (replica) => {
        const found: unknown[] = [];
        let next = 0;
        await Promise.all(
          Array.from({ length: 4 }, async () => {
            while (next < 10) {
              next += 1;
              found.push(await query(replica));
            }
          }),
        );
        return found;
      }),
    );
    expect(errors.flat().filter((error) => error !== undefined)).toEqual([]);
    const statuses = (await requestsSince(emulator, since)).map((request) => request.status);
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    expect(statuses.filter((status) => status === 200)).toHaveLength(30);
  });
});
