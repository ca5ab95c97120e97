import { readFileSync, readdirSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchema } from 'graphql';
import { stitchCatalog } from './src/gateway/catalog-stitching.js';

/** The public schema: `schema/*.graphql` with the store's catalog fields stitched on (src/gateway/catalog-stitching.ts). */
function publicSchema(): string {
  const typeDefs = readdirSync('schema')
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(`schema/${file}`, 'utf8'));
  // The store's Admin GraphQL schema as committed by `backorder-gateway schema pull` (the gateway's snapshot).
  const remoteSchema = buildSchema(readFileSync('schema/remote/admin-graphql.graphql', 'utf8'));
  return printSchemaWithDirectives(stitchCatalog({ remoteSchema, typeDefs, resolvers: {} }));
}

/**
 * Generates resolver types from `schema/` (parents mapped to the upstream shapes the resolvers receive), the printed
 * schema (`schema.graphql`), Apollo Client's possibleTypes map, and typed documents plus a persisted-document
 * manifest from `operations/` (`scripts/apollo-persisted-ids.js` then adds the ids Apollo's persisted-query link
 * sends). CI fails when the output drifts.
 */
const config: CodegenConfig = {
  schema: publicSchema(),
  documents: 'operations/*.graphql',
  emitLegacyCommonJSImports: false,
  generates: {
    'src/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../gateway/context.js#GatewayContext',
        mappers: {
          Product: '../upstream/bigcommerce-admin-graphql/client.js#ProductRecord',
          Variant: '../upstream/bigcommerce-admin-graphql/client.js#VariantRecord',
          InventoryAggregate: '../upstream/bigcommerce-admin-graphql/client.js#AggregateRecord',
          Location: '../upstream/bigcommerce-rest/inventory.js#LocationRecord',
          InventoryItem: '../upstream/bigcommerce-rest/inventory.js#InventoryItemRecord',
          InventoryLevel: '../gateway/models.js#InventoryLevelModel',
          LocationBackorders: '../gateway/models.js#LocationBackordersModel',
          Order: '../upstream/bigcommerce-rest/orders.js#OrderRecord',
          OrderLine: '../upstream/bigcommerce-rest/orders.js#OrderLineRecord',
          OutOfStockLine: '../gateway/models.js#OutOfStockLineModel',
          BackorderCounters: '../gateway/models.js#CountersModel',
          StockChangedEvent: '../gateway/models.js#InventoryEventModel',
          BackorderLimitReachedEvent: '../gateway/models.js#InventoryEventModel',
        },
      },
    },
    // The whole public schema as one SDL file, for client code generators and schema registries.
    'src/__generated__/schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: true, commentDescriptions: false, sort: false },
    },
    // The possibleTypes map Apollo Client's InMemoryCache needs for the schema's interfaces and unions.
    'src/__generated__/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3, useExplicitTyping: true },
    },
    'src/__generated__/operations/': {
      preset: 'client',
      presetConfig: { persistedDocuments: true, fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true },
    },
  },
};

export default config;
