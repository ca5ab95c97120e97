import { readFileSync } from 'node:fs';
import { ROOT, startEmulator, startGateway, type Child } from './processes.js';

/** How many times each document runs, and the page it asks for. */
export interface StitchingProfile {
  readonly iterations: number;
  readonly products: number;
  readonly variants: number;
}

export interface StitchingResult {
  /** Store calls of `Catalog` alone, and with the store's catalog fields selected on every product. */
  readonly upstreamCalls: number;
  readonly stitchedUpstreamCalls: number;
  readonly p50Ms: number | null;
  readonly stitchedP50Ms: number | null;
  readonly latencyMs: number;
}

const LATENCY_MS = 20;

/** `Catalog` with the store's names, descriptions and first image on every product (what a listing page shows). */
function withCatalogFields(catalog: string): string {
  return catalog.replace(
    /(node \{\s*id\s*entityId)/,
    '$1\n        basicInformation { name description }\n        images(first: 1) { edges { node { urlStandard altText } } }',
  );
}

function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

async function lastSeq(emulatorUrl: string): Promise<number> {
  return ((await (await fetch(`${emulatorUrl}/_emulator/health`)).json()) as { requests: number }).requests;
}

async function callsSince(emulatorUrl: string, since: number): Promise<number> {
  const log = (await (await fetch(`${emulatorUrl}/_emulator/requests?since=${since}`)).json()) as {
    requests: unknown[];
  };
  return log.requests.length;
}

/**
 * Stitching: `Catalog` as it is, and `Catalog` with the store's names, descriptions and first image selected on every
 * product, against an emulator with 20 ms latency per call. The catalog fields ride in the page's own Admin GraphQL
 * call, so both should make the same number of store calls and take about the same time.
 */
export async function stitchingScenario(
  profile: StitchingProfile,
  progress: (line: string) => void,
): Promise<StitchingResult> {
  const emulator = await startEmulator(['--seed', 'large:1000', '--latency-ms', String(LATENCY_MS)]);
  const children: Child[] = [emulator];
  try {
    const gateway = await startGateway(emulator.url);
    children.push(gateway);
    const catalog = readFileSync(`${ROOT}operations/catalog.graphql`, 'utf8');
    const documents = { plain: catalog, stitched: withCatalogFields(catalog) };
    const variables = { first: profile.products, variantsFirst: profile.variants };
    const run = async (query: string) => {
      const since = await lastSeq(emulator.url);
      const started = performance.now();
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: unknown };
      const ms = performance.now() - started;
      if (body.errors !== undefined) throw new Error(`Catalog failed: ${JSON.stringify(body.errors)}`);
      return { ms, calls: await callsSince(emulator.url, since) };
    };
    for (let i = 0; i < 3; i += 1) await Promise.all([run(documents.plain), run(documents.stitched)]);
    const timings = { plain: [] as number[], stitched: [] as number[] };
    const calls = { plain: 0, stitched: 0 };
    for (let i = 0; i < profile.iterations; i += 1) {
      // Alternated, so that both see the same machine load.
      for (const kind of ['plain', 'stitched'] as const) {
        const { ms, calls: made } = await run(documents[kind]);
        timings[kind].push(ms);
        calls[kind] = Math.max(calls[kind], made);
      }
      if ((i + 1) % Math.max(1, Math.floor(profile.iterations / 4)) === 0)
        progress(`  stitching ${i + 1}/${profile.iterations}`);
    }
    return {
      upstreamCalls: calls.plain,
      stitchedUpstreamCalls: calls.stitched,
      p50Ms: percentile(timings.plain, 50),
      stitchedP50Ms: percentile(timings.stitched, 50),
      latencyMs: LATENCY_MS,
    };
  } finally {
    await Promise.all(children.reverse().map((child) => child.stop()));
  }
}
