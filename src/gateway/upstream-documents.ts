import type { AdminGraphqlDocument } from '../upstream/bigcommerce-admin-graphql/documents.js';
import { NODES_QUERY, NODES_QUERY_WITHOUT_NAME, VARIANT_PAGES_QUERY } from './loaders.js';
import { productsPageQuery } from './resolvers/inventory.js';

/**
 * Every document the gateway sends to the store's Admin GraphQL API. The client refuses any other text, so a new
 * document must be added here, which gets it validated against the store's schema at boot and watched for drift.
 * (The inventory aggregates, `AGGREGATE_FIELDS`, are selected inside these documents.)
 */
export const ADMIN_GRAPHQL_DOCUMENTS: readonly AdminGraphqlDocument[] = [
  { operationName: 'GatewayNodes', texts: [NODES_QUERY, NODES_QUERY_WITHOUT_NAME] },
  {
    operationName: 'GatewayProducts',
    extendedPerRequest: true,
    texts: [false, true].flatMap((withName) =>
      [false, true].flatMap((withInventory) =>
        [null, { withAggregates: false }, { withAggregates: true }].map((variants) =>
          productsPageQuery(withName, withInventory, variants),
        ),
      ),
    ),
  },
  { operationName: 'GatewayVariantPages', texts: [VARIANT_PAGES_QUERY] },
];
