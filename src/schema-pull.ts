import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from './config.js';
import { createEmulator } from './emulator/create-emulator.js';
import { DEFAULT_SNAPSHOT_FILE } from './gateway/remote-schema-monitor.js';
import { introspectRemoteSchema, snapshotText } from './upstream/bigcommerce-admin-graphql/remote-schema.js';
import { createTransport } from './upstream/transport.js';

/**
 * `backorder-gateway schema pull [--out path]`: introspects the configured store's Admin GraphQL API (the real
 * store when `BIGCOMMERCE_*` is set, otherwise an embedded emulator with an in-memory database) and writes the
 * snapshot `REMOTE_SCHEMA=snapshot` boots from. Returns the path written.
 */
export async function pullRemoteSchema(
  config: AppConfig,
  out: string | undefined,
  print: (line: string) => void,
): Promise<string> {
  const path = out ?? fileURLToPath(DEFAULT_SNAPSHOT_FILE);
  let storeUrl: string;
  let accessToken: string;
  let from: string;
  let stop = (): Promise<void> => Promise.resolve();
  if (config.store.kind === 'emulator') {
    accessToken = randomBytes(24).toString('hex');
    const emulator = await createEmulator({ port: 0, db: ':memory:', seed: 'none', token: accessToken });
    stop = () => emulator.stop();
    storeUrl = emulator.storeUrl;
    from = 'the embedded store emulator (backorder-gateway)';
  } else {
    accessToken = config.store.accessToken;
    storeUrl = `${config.store.apiUrl}/stores/${config.store.storeHash}`;
    from = storeUrl;
  }
  const transport = createTransport({ baseUrl: storeUrl, accessToken, timeoutMs: config.upstreamTimeoutMs });
  try {
    const remote = await introspectRemoteSchema(transport);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, snapshotText(remote, from));
    print(`schema of ${from} written to ${path} (sha256 ${remote.hash})`);
    return path;
  } finally {
    await transport.close();
    await stop();
  }
}
