import { afterAll } from 'vitest';
import type { Emulator } from '../../src/emulator/create-emulator.js';
import type { EmulatorOptions } from '../../src/emulator/options.js';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/gateway/create-gateway.js';
import { createLogger } from '../../src/gateway/logger.js';
import { startEmulator, TOKEN, lastSeq, requestsSince } from './emulator.js';

export interface Stack {
  readonly emulator: Emulator;
  readonly gateway: Gateway;
  /** Every log line the gateway wrote. */
  readonly logs: string[];
  /** Runs an operation over HTTP; `body` is the parsed JSON answer. */
  gql(
    query: string,
    variables?: Record<string, unknown>,
    operationName?: string,
  ): Promise<{ status: number; body: GraphqlResponse }>;
  /** Store requests made since the last `mark()`. */
  requests(): Promise<{ method: string; path: string; query: Record<string, string>; status: number }[]>;
  /** Starts a new window for `requests()`. */
  mark(): Promise<void>;
}

export interface GraphqlResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

/** The emulator and the gateway, each on port 0, stopped after the suite. */
export async function startStack(
  options: { emulator?: EmulatorOptions; gateway?: Partial<GatewayOptions> } = {},
): Promise<Stack> {
  const emulator = await startEmulator(options.emulator);
  const logs: string[] = [];
  const gateway = await createGateway({
    storeUrl: emulator.storeUrl,
    accessToken: TOKEN,
    upstreamRetryBaseMs: 5,
    logger: createLogger({ level: 'debug', secrets: [TOKEN], write: (line) => logs.push(line) }),
    ...options.gateway,
  });
  afterAll(() => gateway.stop());
  let since = await lastSeq(emulator);
  return {
    emulator,
    gateway,
    logs,
    async gql(query, variables, operationName) {
      const response = await fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables, operationName }),
      });
      return { status: response.status, body: (await response.json()) as GraphqlResponse };
    },
    requests: () => requestsSince(emulator, since),
    async mark() {
      since = await lastSeq(emulator);
    },
  };
}
