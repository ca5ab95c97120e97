/** The faults the emulator can inject into store responses. */
export type FaultKind =
  /** Answer 503 without processing the request. */
  | '503'
  /** Answer 429 without any rate-limit header (BigCommerce's platform-overload answer), without processing. */
  | '429'
  /** Process the request, then destroy the socket before any response byte is sent. */
  | 'drop'
  /** Process the request, then hold the response for `slowMs` before sending it. */
  | 'slow'
  /** Answer 200 with a body that is not JSON, without processing. */
  | 'garbage';

export const FAULT_KINDS: readonly FaultKind[] = ['503', '429', 'drop', 'slow', 'garbage'];

/** Which data a new database starts with. */
export type SeedSpec =
  /** Locations, products and stock that show every backorder state (see `seed.ts`). */
  | 'demo'
  /** Only the default location. */
  | 'none'
  /** `variants` variants, five per product, across three locations: for benchmarks. */
  | { readonly large: number };

export interface EmulatorOptions {
  /** TCP port to listen on; 0 picks a free port. @default 0 */
  readonly port?: number;
  /** Interface to bind. @default '127.0.0.1' */
  readonly host?: string;
  /** The store hash in every store path (`/stores/{hash}/...`). @default 'abc123' */
  readonly storeHash?: string;
  /** The access token every store request must send as `X-Auth-Token`. @default 'emulator-token' */
  readonly token?: string;
  /** SQLite database path, or `:memory:`. A file database keeps all state and pending deliveries across restarts. @default ':memory:' */
  readonly db?: string;
  /** Data for a database that has none yet; an already seeded file database is never seeded again. @default 'demo' */
  readonly seed?: SeedSpec;
  /** Requests allowed per rate-limit window, shared by REST and GraphQL (Part A 9). @default 10000 */
  readonly quota?: number;
  /** Length of the rate-limit window in milliseconds. @default 30000 */
  readonly windowMs?: number;
  /** Milliseconds added before every store response. @default 0 */
  readonly latencyMs?: number;
  /** Milliseconds before an inventory adjustment becomes visible to reads (BigCommerce's eventual consistency). @default 0 */
  readonly applyDelayMs?: number;
  /** Factor applied to BigCommerce's webhook retry schedule (0.001 turns 60 s into 60 ms). @default 1 */
  readonly webhookTimeScale?: number;
  /** Milliseconds a webhook destination has to answer 2xx before the attempt counts as failed. @default 5000 */
  readonly webhookTimeoutMs?: number;
  /** Probability (0..1) that a webhook is delivered twice. @default 0 */
  readonly webhookDuplicateRate?: number;
  /** Deliver each batch of due webhooks in random order. @default false */
  readonly webhookReorder?: boolean;
  /**
   * Probability (0..1) that a webhook delivery is lost: never sent and never retried (recorded in
   * `/_emulator/deliveries` with the error `lost`), as when a store's delivery goes astray. @default 0
   */
  readonly webhookLossRate?: number;
  /** Probability (0..1) that a store request gets the fault `faultKind`. @default 0 */
  readonly faultRate?: number;
  /** The fault injected at `faultRate`. @default '503' */
  readonly faultKind?: FaultKind;
  /** How long a `slow` fault holds the response. @default 10000 */
  readonly slowMs?: number;
  /** The location V2 orders draw stock from (Part A 3). @default 1 */
  readonly defaultLocationId?: number;
  /** The numeric store id sent as `store_id` in webhook payloads. @default '1000001' */
  readonly storeId?: string;
  /** Largest accepted request body in bytes; larger bodies get 413. @default 10485760 */
  readonly maxBodyBytes?: number;
  /**
   * Admin GraphQL fields the store's schema leaves out, as schema coordinates (`"Product.seoInformation"`):
   * validation and introspection no longer know them, as on a store whose schema differs. Read at start; change
   * it at run time with the handle's `removeAdminGraphqlFields` / `restoreAdminGraphqlFields`. An unknown
   * coordinate fails the start with an error naming it. @default []
   */
  readonly adminGraphqlWithout?: readonly string[];
  /** Where progress lines (large seeds) go. @default no output */
  readonly log?: (line: string) => void;
}

export type ResolvedEmulatorOptions = Required<Omit<EmulatorOptions, 'log'>> & {
  readonly log: (line: string) => void;
};

export function resolveEmulatorOptions(options: EmulatorOptions): ResolvedEmulatorOptions {
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    storeHash: options.storeHash ?? 'abc123',
    token: options.token ?? 'emulator-token',
    db: options.db ?? ':memory:',
    seed: options.seed ?? 'demo',
    quota: options.quota ?? 10_000,
    windowMs: options.windowMs ?? 30_000,
    latencyMs: options.latencyMs ?? 0,
    applyDelayMs: options.applyDelayMs ?? 0,
    webhookTimeScale: options.webhookTimeScale ?? 1,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 5_000,
    webhookDuplicateRate: options.webhookDuplicateRate ?? 0,
    webhookReorder: options.webhookReorder ?? false,
    webhookLossRate: options.webhookLossRate ?? 0,
    faultRate: options.faultRate ?? 0,
    faultKind: options.faultKind ?? '503',
    slowMs: options.slowMs ?? 10_000,
    defaultLocationId: options.defaultLocationId ?? 1,
    storeId: options.storeId ?? '1000001',
    maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
    adminGraphqlWithout: options.adminGraphqlWithout ?? [],
    log: options.log ?? (() => undefined),
  };
}

/** Parses `demo`, `none` or `large:N`. */
export function parseSeedSpec(text: string): SeedSpec {
  if (text === 'demo' || text === 'none') return text;
  const match = /^large:(\d+)$/.exec(text);
  if (match?.[1] !== undefined) {
    const variants = Number(match[1]);
    if (variants > 0 && variants <= 1_000_000) return { large: variants };
  }
  throw new Error(`seed must be demo, none or large:N (1 <= N <= 1000000), got "${text}"`);
}
