import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createEmulator, type Emulator } from './create-emulator.js';
import { FAULT_KINDS, parseSeedSpec, type EmulatorOptions, type FaultKind } from './options.js';

export const EMULATOR_USAGE = `Usage: backorder-gateway emulator [flags]

  --port N                  port to listen on (default 4010; 0 picks a free port)
  --host HOST               interface to bind (default 127.0.0.1)
  --store-hash HASH         store hash in /stores/{hash}/... (default abc123)
  --token TOKEN             access token clients must send as X-Auth-Token (default emulator-token)
  --db PATH|:memory:        SQLite database; a file keeps state and pending webhooks across restarts (default :memory:)
  --seed demo|none|large:N  data for a new database (default demo)
  --quota N                 requests per rate-limit window (default 10000; BigCommerce Standard: 150)
  --window-ms MS            rate-limit window (default 30000)
  --latency-ms N            delay added to every store response (default 0)
  --apply-delay-ms N        delay before inventory adjustments become visible (default 0)
  --webhook-time-scale F    factor on the webhook retry schedule (default 1; 0.001 turns 60 s into 60 ms)
  --webhook-duplicate-rate R  probability of delivering a webhook twice (default 0)
  --webhook-reorder         deliver due webhooks in random order
  --webhook-loss-rate R     probability that a webhook is lost, never sent nor retried (default 0)
  --fault-rate R            probability of a fault on a store request (default 0)
  --fault KIND              the fault: ${FAULT_KINDS.join(', ')} (default 503)
  --slow-ms N               how long a slow fault holds the response (default 10000)
  --admin-graphql-without COORDS  Admin GraphQL fields the schema leaves out, comma-separated
                            (e.g. Product.seoInformation,Product.urlPath)
`;

function numberFlag(
  name: string,
  text: string | undefined,
  check: (value: number) => boolean,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || !check(value)) throw new Error(`--${name}: invalid value "${text}"`);
  return value;
}

/** `Type.field,Type.field`; the emulator checks that each names a field when it starts. */
function coordinatesFlag(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const coordinates = text.split(',').map((part) => part.trim());
  const bad = coordinates.find((coordinate) => !/^[A-Za-z_]\w*\.[A-Za-z_]\w*$/.test(coordinate));
  if (bad !== undefined) throw new Error(`--admin-graphql-without: "${bad}" is not a Type.field coordinate`);
  return coordinates;
}

/** Reads the emulator's flags; throws an Error naming the bad flag. */
export function parseEmulatorFlags(args: readonly string[]): EmulatorOptions {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'store-hash': { type: 'string' },
      token: { type: 'string' },
      db: { type: 'string' },
      seed: { type: 'string' },
      quota: { type: 'string' },
      'window-ms': { type: 'string' },
      'latency-ms': { type: 'string' },
      'apply-delay-ms': { type: 'string' },
      'webhook-time-scale': { type: 'string' },
      'webhook-duplicate-rate': { type: 'string' },
      'webhook-reorder': { type: 'boolean' },
      'webhook-loss-rate': { type: 'string' },
      'fault-rate': { type: 'string' },
      fault: { type: 'string' },
      'slow-ms': { type: 'string' },
      'admin-graphql-without': { type: 'string' },
    },
  });
  const fault = values.fault;
  if (fault !== undefined && !FAULT_KINDS.includes(fault as FaultKind)) {
    throw new Error(`--fault must be one of ${FAULT_KINDS.join(', ')}, got "${fault}"`);
  }
  const int = (value: number) => Number.isSafeInteger(value) && value >= 0;
  const rate = (value: number) => value >= 0 && value <= 1;
  const options: Record<string, unknown> = {
    port: numberFlag('port', values.port ?? '4010', (value) => int(value) && value <= 65_535),
    host: values.host,
    storeHash: values['store-hash'],
    token: values.token,
    db: values.db,
    seed: values.seed === undefined ? undefined : parseSeedSpec(values.seed),
    quota: numberFlag('quota', values.quota, (value) => int(value) && value > 0),
    windowMs: numberFlag('window-ms', values['window-ms'], (value) => int(value) && value > 0),
    latencyMs: numberFlag('latency-ms', values['latency-ms'], int),
    applyDelayMs: numberFlag('apply-delay-ms', values['apply-delay-ms'], int),
    webhookTimeScale: numberFlag('webhook-time-scale', values['webhook-time-scale'], (value) => value >= 0),
    webhookDuplicateRate: numberFlag('webhook-duplicate-rate', values['webhook-duplicate-rate'], rate),
    webhookReorder: values['webhook-reorder'],
    webhookLossRate: numberFlag('webhook-loss-rate', values['webhook-loss-rate'], rate),
    faultRate: numberFlag('fault-rate', values['fault-rate'], rate),
    faultKind: fault,
    slowMs: numberFlag('slow-ms', values['slow-ms'], int),
    adminGraphqlWithout: coordinatesFlag(values['admin-graphql-without']),
  };
  if (values['store-hash'] !== undefined && !/^[a-z0-9]+$/.test(values['store-hash'])) {
    throw new Error('--store-hash must be lowercase letters and digits');
  }
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/** Starts an emulator from flags, creating the database folder when needed. */
export async function startEmulatorFromFlags(
  args: readonly string[],
  log: (line: string) => void,
): Promise<Emulator> {
  const options = parseEmulatorFlags(args);
  if (options.db !== undefined && options.db !== ':memory:')
    mkdirSync(dirname(options.db), { recursive: true });
  return createEmulator({ ...options, log });
}
