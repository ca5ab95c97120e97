#!/usr/bin/env node
// First: libraries read NODE_ENV when they load.
import './production-mode.js';
import { randomBytes } from 'node:crypto';
import { sha256Hex } from './gateway/auth/authenticator.js';
import { isKnownScope } from './gateway/auth/viewer.js';
import { readFileSync } from 'node:fs';
import { ConfigError, readConfig } from './config.js';
import { EMULATOR_USAGE, startEmulatorFromFlags } from './emulator/cli.js';
import { pullRemoteSchema } from './schema-pull.js';
import { startFromConfig, syncHooksFromConfig } from './start.js';

const USAGE = `Usage: backorder-gateway <command> [flags]

Commands:
  start              run the gateway: against BIGCOMMERCE_STORE_HASH / BIGCOMMERCE_ACCESS_TOKEN when set,
                     otherwise against the embedded store emulator (demo data in ./data/store.db)
  schema pull [--out path]
                     write the store's Admin GraphQL schema (the configured store, or the emulator) to
                     schema/remote/admin-graphql.graphql, the snapshot REMOTE_SCHEMA=snapshot uses
  hooks sync         make sure the store has the gateway's webhooks (BIGCOMMERCE_*, WEBHOOK_SECRET, PUBLIC_URL)
  emulator [flags]   run the BigCommerce store emulator alone (see "backorder-gateway emulator --help")
  apikey hash <key>  print the SHA-256 of an API key, for AUTH_API_KEYS
  apikey new <name> <scope>...
                     make a random API key and print it with its AUTH_API_KEYS entry
  help               show this text
  --version          print the version
`;

function version(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return typeof manifest === 'object' &&
    manifest !== null &&
    'version' in manifest &&
    typeof manifest.version === 'string'
    ? manifest.version
    : 'unknown';
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Stops `stop` on SIGINT or SIGTERM, once. */
function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => handler('SIGINT'));
  process.once('SIGTERM', () => handler('SIGTERM'));
}

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'emulator': {
      if (args.includes('--help')) {
        log(EMULATOR_USAGE);
        return;
      }
      const emulator = await startEmulatorFromFlags(args, log);
      log(`BigCommerce store emulator listening on ${emulator.url}`);
      log(`store API: ${emulator.storeUrl}/v3/... and /v2/..., Admin GraphQL: ${emulator.storeUrl}/graphql`);
      onShutdown(() => emulator.stop());
      return;
    }
    case 'start': {
      const running = await startFromConfig(readConfig(), log);
      onShutdown(() => running.stop());
      return;
    }
    case 'hooks': {
      if (args[0] !== 'sync') throw new Error(`unknown hooks command "${args[0] ?? ''}"; try "hooks sync"`);
      await syncHooksFromConfig(readConfig(), log);
      return;
    }
    case 'schema': {
      const [action, flag, path, ...rest] = args;
      const out = flag === '--out' && path !== undefined && path !== '' ? path : undefined;
      if (action !== 'pull' || (flag !== undefined && out === undefined) || rest.length > 0)
        throw new Error('usage: schema pull [--out path]');
      await pullRemoteSchema(readConfig(), out, log);
      return;
    }
    case 'apikey': {
      const [action, value, ...scopes] = args;
      if (action === 'hash' && value !== undefined && value !== '') {
        log(sha256Hex(value));
        return;
      }
      if (action === 'new' && value !== undefined && scopes.length > 0) {
        const unknown = scopes.filter((scope) => !isKnownScope(scope));
        if (unknown.length > 0) throw new Error(`unknown scope(s): ${unknown.join(', ')}`);
        const key = `bgk_${randomBytes(32).toString('base64url')}`;
        log(`key (give it to the client; it is not stored anywhere): ${key}`);
        log(`AUTH_API_KEYS entry: ${JSON.stringify({ name: value, sha256: sha256Hex(key), scopes })}`);
        return;
      }
      throw new Error('usage: apikey hash <key> | apikey new <name> <scope>...');
    }
    case '--version':
    case '-v':
    case 'version':
      log(version());
      return;
    case undefined:
    case 'help':
    case '--help':
      log(USAGE);
      return;
    default:
      throw new Error(`unknown command "${command}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const prefix = error instanceof ConfigError ? 'configuration error: ' : '';
  process.stderr.write(
    `backorder-gateway: ${prefix}${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
