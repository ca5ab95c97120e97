import { readFileSync } from 'node:fs';
import { parse, type GraphQLSchema } from 'graphql';
import {
  registeredTexts,
  type AdminGraphqlDocument,
  type AdminGraphqlRegistry,
} from '../upstream/bigcommerce-admin-graphql/documents.js';
import {
  RemoteSchemaReadError,
  checkDocuments,
  coordinateOf,
  fieldCoordinates,
  introspectRemoteSchema,
  remoteSchemaFromSnapshot,
  selectedCoordinates,
  typesReachableFrom,
  type DocumentMismatch,
  type RemoteSchema,
  type RemoteSchemaSource,
} from '../upstream/bigcommerce-admin-graphql/remote-schema.js';
import { RemoteFieldUnavailableError } from '../upstream/errors.js';
import type { Transport } from '../upstream/transport.js';
import type { Logger } from './logger.js';

/**
 * What the gateway knows of the store's Admin GraphQL schema, from boot to stop.
 *
 * At boot the schema is read (introspected, or from the committed snapshot) and every registered upstream document
 * and every `@remote` dependency of the public schema is checked against it: a mismatch stops the start. While
 * running, the schema is read again every `refreshMs` and at once when the store refuses a document in validation
 * (`Cannot query field ...`); the fields the boot schema had and the store no longer has are "missing": operations
 * that need them are refused (`useRemoteSchemaCheck`) and documents that select them are not sent.
 */

export const DEFAULT_SNAPSHOT_FILE = new URL('../../schema/remote/admin-graphql.graphql', import.meta.url);

export interface RemoteSchemaOptions {
  /**
   * `live` introspects the store at boot and every `refreshMs`; `snapshot` reads `snapshotFile` and never
   * introspects (offline work, or stores that refuse introspection). @default 'live'
   */
  readonly source?: RemoteSchemaSource;
  /**
   * Time between reads of the store's schema (live). With a snapshot, how long fields the store refused stay
   * unavailable before documents that need them are tried again. `0` turns periodic reads off. @default 300000
   */
  readonly refreshMs?: number;
  /** The snapshot `schema pull` writes. @default schema/remote/admin-graphql.graphql */
  readonly snapshotFile?: string | URL;
  /** Longest wait between boot attempts while the store does not answer introspection. @default 30000 */
  readonly bootRetryMaxMs?: number;
}

/** The store's schema lacks what the gateway needs; the message names the fields and what to do. */
export class RemoteSchemaMismatchError extends Error {
  constructor(
    message: string,
    readonly mismatches: readonly DocumentMismatch[],
  ) {
    super(message);
    this.name = 'RemoteSchemaMismatchError';
  }
}

export interface RemoteSchemaDetail {
  readonly ready: boolean;
  readonly source: RemoteSchemaSource;
  /** sha256 of the printed schema; null before the first read. */
  readonly hash: string | null;
  readonly readAt: string | null;
  readonly ageSeconds: number | null;
  /** Fields the boot schema had and the store no longer has. */
  readonly missingFields: readonly string[];
  /** Times the store's schema was seen to change since boot. */
  readonly changes: number;
  readonly lastError?: string;
}

export interface RemoteSchemaMonitor {
  /** The registry the Admin GraphQL client sends through: registered documents, refused when they need missing fields. */
  readonly registry: AdminGraphqlRegistry;
  /**
   * Reads the schema and checks the documents. Rejects with `RemoteSchemaMismatchError` (the store lacks a field)
   * or `RemoteSchemaReadError` (refused: 401, 403, introspection off); an outage resolves and keeps trying in the
   * background, unready until it succeeds.
   */
  start(): Promise<void>;
  /** True once the schema is read and fits the documents. */
  ready(): boolean;
  /** Missing fields (`Type.field`); empty in the usual case. */
  missing(): ReadonlySet<string>;
  /** Changes whenever `missing()` does (validation caches are keyed by it). */
  version(): number;
  /** The schema read at boot; undefined until a read succeeded. */
  bootSchema(): GraphQLSchema | undefined;
  /** Type names of the store's schema whose fields the public schema mirrors under the same names. */
  mirroredTypes(): ReadonlySet<string>;
  /** Reads the store's schema now (live) and updates `missing()`. */
  refresh(): Promise<void>;
  detail(): RemoteSchemaDetail;
  stop(): void;
}

const MIRRORED_ROOTS = ['Product', 'Variant'];

/** The committed snapshot's schema (`schema pull`): what the gateway is built and tested against. */
export function snapshotSchema(file: string | URL = DEFAULT_SNAPSHOT_FILE): GraphQLSchema {
  return remoteSchemaFromSnapshot(readFileSync(file, 'utf8')).schema;
}

export function createRemoteSchemaMonitor(options: {
  readonly transport: Transport;
  readonly documents: readonly AdminGraphqlDocument[];
  /** Remote fields the public schema's `@remote` directives depend on. */
  readonly dependencies: readonly string[];
  readonly logger: Logger;
  readonly remote?: RemoteSchemaOptions;
}): RemoteSchemaMonitor {
  const { transport, logger } = options;
  const source = options.remote?.source ?? 'live';
  const refreshMs = options.remote?.refreshMs ?? 300_000;
  const bootRetryMaxMs = options.remote?.bootRetryMaxMs ?? 30_000;
  const texts = registeredTexts({ documents: options.documents });
  let boot: RemoteSchema | undefined;
  let bootCoordinates = new Set<string>();
  let mirrored = new Set<string>();
  let current: RemoteSchema | undefined;
  let fitting = false;
  let missing = new Set<string>();
  /** Fields the store refused in validation, until the next read says otherwise. */
  const refused = new Set<string>();
  let version = 0;
  let changes = 0;
  let lastError: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let bootRetry: NodeJS.Timeout | undefined;
  let stopped = false;
  let reading: Promise<void> | undefined;
  const selected = new Map<string, ReadonlySet<string>>();

  const describe = (remote: RemoteSchema): string =>
    `${remote.source === 'live' ? 'as introspected' : 'from the snapshot'}, sha256 ${remote.hash.slice(0, 12)}`;

  function read(): Promise<RemoteSchema> {
    if (source === 'live') return introspectRemoteSchema(transport);
    return Promise.resolve(
      remoteSchemaFromSnapshot(readFileSync(options.remote?.snapshotFile ?? DEFAULT_SNAPSHOT_FILE, 'utf8')),
    );
  }

  function mismatchesOf(remote: RemoteSchema): DocumentMismatch[] {
    const found = checkDocuments(remote.schema, texts);
    const coordinates = fieldCoordinates(remote.schema);
    for (const dependency of options.dependencies)
      if (!coordinates.has(dependency))
        found.push({
          operationName: '@remote',
          coordinate: dependency,
          message: `the public schema declares @remote(field: "${dependency}"), which the store does not have`,
        });
    return found;
  }

  function mismatchMessage(remote: RemoteSchema, mismatches: readonly DocumentMismatch[]): string {
    const fields = [...new Set(mismatches.map((m) => m.coordinate ?? m.message))];
    const lines = mismatches.map((m) => `  - ${m.coordinate ?? '?'} (${m.operationName}: ${m.message})`);
    const advice =
      remote.source === 'live'
        ? "The store's Admin GraphQL API does not serve these fields: run a gateway version made for the store's current API (its documents and @remote declarations), or check that the API account may read them. `backorder-gateway schema pull` records what the store serves."
        : 'The snapshot lacks these fields: run `backorder-gateway schema pull` against the store to refresh schema/remote/admin-graphql.graphql, or set REMOTE_SCHEMA=live to introspect the store at boot.';
    return `the store's Admin GraphQL schema (${describe(remote)}) lacks ${fields.join(', ')}, which the gateway needs:\n${lines.join('\n')}\n${advice}`;
  }

  function recompute(): void {
    const now = current === undefined ? bootCoordinates : fieldCoordinates(current.schema);
    const next = new Set([...bootCoordinates].filter((coordinate) => !now.has(coordinate)));
    for (const coordinate of refused) next.add(coordinate);
    const before = [...missing].sort().join(',');
    const after = [...next].sort().join(',');
    if (before === after) return;
    const gone = [...next].filter((c) => !missing.has(c));
    const back = [...missing].filter((c) => !next.has(c));
    missing = next;
    version += 1;
    if (gone.length > 0)
      logger.warn(
        "fields gone from the store's Admin GraphQL schema: operations that need them are refused",
        {
          fields: gone,
        },
      );
    if (back.length > 0) logger.info("fields back in the store's Admin GraphQL schema", { fields: back });
  }

  function adopt(remote: RemoteSchema): void {
    if (current !== undefined && current.hash !== remote.hash) changes += 1;
    current = remote;
    refused.clear();
    recompute();
  }

  async function refreshOnce(): Promise<void> {
    if (source === 'snapshot') {
      // Nothing to read: fields the store refused are tried again.
      refused.clear();
      recompute();
      return;
    }
    try {
      adopt(await introspectRemoteSchema(transport));
      lastError = undefined;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      logger.warn("reading the store's Admin GraphQL schema failed; keeping the last one", {
        error: lastError,
      });
    }
  }

  function refresh(): Promise<void> {
    if (boot === undefined) return Promise.resolve();
    reading ??= refreshOnce().finally(() => {
      reading = undefined;
    });
    return reading;
  }

  /** Adopts the boot schema when it fits; returns the mismatches otherwise. */
  function settle(remote: RemoteSchema): DocumentMismatch[] {
    const mismatches = mismatchesOf(remote);
    if (mismatches.length > 0) return mismatches;
    boot = remote;
    current = remote;
    bootCoordinates = fieldCoordinates(remote.schema);
    mirrored = typesReachableFrom(remote.schema, MIRRORED_ROOTS);
    fitting = true;
    lastError = undefined;
    if (refreshMs > 0) {
      timer = setInterval(() => void refresh(), refreshMs);
      timer.unref();
    }
    logger.info("the store's Admin GraphQL schema fits the gateway", {
      source: remote.source,
      hash: remote.hash,
    });
    return [];
  }

  function retryBoot(delayMs: number): void {
    bootRetry = setTimeout(() => {
      void read().then(
        (remote) => {
          if (stopped) return;
          const mismatches = settle(remote);
          if (mismatches.length > 0) {
            lastError = mismatchMessage(remote, mismatches);
            logger.error("the store's Admin GraphQL schema does not fit the gateway; staying unready", {
              error: lastError,
            });
          }
        },
        (error: unknown) => {
          if (stopped) return;
          lastError = error instanceof Error ? error.message : String(error);
          const transient = !(error instanceof RemoteSchemaReadError) || error.transient;
          if (transient)
            logger.warn("the store's Admin GraphQL schema is still unavailable", { error: lastError });
          else logger.error("the store's Admin GraphQL schema cannot be read", { error: lastError });
          retryBoot(Math.min(delayMs * 2, bootRetryMaxMs));
        },
      );
    }, delayMs);
    bootRetry.unref();
  }

  const registry: AdminGraphqlRegistry = {
    documents: options.documents,
    beforeSend(operationName, text) {
      if (missing.size === 0 || boot === undefined) return;
      let coordinates = selected.get(text);
      if (coordinates === undefined) {
        coordinates = selectedCoordinates(boot.schema, parse(text));
        // Texts built per request (the store's fields a client selects) vary: keep the cache bounded.
        if (selected.size >= 1000) selected.clear();
        selected.set(text, coordinates);
      }
      const needed = [...coordinates].filter((coordinate) => missing.has(coordinate));
      if (needed.length > 0) throw new RemoteFieldUnavailableError(`Admin GraphQL ${operationName}`, needed);
    },
    async onRefused(_operationName, messages) {
      for (const message of messages) {
        const coordinate = coordinateOf(message);
        if (message.startsWith('Cannot query field') && coordinate !== undefined) refused.add(coordinate);
      }
      recompute();
      await refresh();
    },
  };

  return {
    registry,
    async start() {
      let remote: RemoteSchema;
      try {
        remote = await read();
      } catch (error) {
        if (error instanceof RemoteSchemaReadError && !error.transient) throw error;
        if (!(error instanceof RemoteSchemaReadError)) throw error;
        lastError = error.message;
        logger.warn("the store's Admin GraphQL schema could not be read: starting unready and trying again", {
          error: error.message,
        });
        retryBoot(1000);
        return;
      }
      const mismatches = settle(remote);
      if (mismatches.length > 0)
        throw new RemoteSchemaMismatchError(mismatchMessage(remote, mismatches), mismatches);
    },
    ready: () => fitting,
    missing: () => missing,
    version: () => version,
    bootSchema: () => boot?.schema,
    mirroredTypes: () => mirrored,
    refresh,
    detail() {
      const known = current ?? boot;
      return {
        ready: fitting,
        source,
        hash: known?.hash ?? null,
        readAt: known?.readAt.toISOString() ?? null,
        ageSeconds:
          known === undefined ? null : Math.max(0, Math.round((Date.now() - known.readAt.getTime()) / 1000)),
        missingFields: [...missing].sort(),
        changes,
        ...(lastError === undefined ? {} : { lastError }),
      };
    },
    stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(bootRetry);
    },
  };
}
