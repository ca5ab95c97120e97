import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';

/**
 * The Catalog baseline: a minimal hand-written client that makes the same upstream calls as the gateway for the
 * `Catalog` operation (one Admin GraphQL call for the page, aggregates and variants; one REST call for the
 * per-location detail), with the same HTTP client (undici), and builds the same JSON answer, with no schema,
 * validation, resolvers or checks of the upstream payloads. It is the physical limit of this work on this machine.
 *
 * Reads `STORE_URL` and `STORE_TOKEN`; prints its URL; `GET /catalog?first=50&variantsFirst=5` answers.
 */
const storeUrl = process.env['STORE_URL'] ?? '';
const token = process.env['STORE_TOKEN'] ?? '';
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 32 });
const headers = { accept: 'application/json', 'x-auth-token': token, 'user-agent': 'backorder-gateway' };

const AGGREGATED =
  'aggregated { availableToSell onHand qtyBackordered backorderLimit warningLevel availability }';
// Admin GraphQL documents names under basicInformation and no SKUs: SKUs come from the inventory items call.
const QUERY = `query GatewayProducts($first: Int!, $after: String, $variantsFirst: Int!, $variantsAfter: String) {
    store { products(first: $first, after: $after) {
      edges { cursor node { id basicInformation { name } inventory { isInventoryTracked hasVariantInventory ${AGGREGATED} } variants(first: $variantsFirst, after: $variantsAfter) { edges { cursor node { id inventory { ${AGGREGATED} } } } pageInfo { hasNextPage endCursor } } } }
      pageInfo { hasNextPage endCursor }
    } }
  }`;

interface Aggregated {
  availableToSell: number;
  onHand: number;
  qtyBackordered: number;
  backorderLimit: number | null;
  availability: string;
}
interface UpstreamVariant {
  id: string;
  inventory: { aggregated: Aggregated | null } | null;
}
interface UpstreamProduct {
  id: string;
  basicInformation: { name: string };
  inventory: { isInventoryTracked: boolean; hasVariantInventory: boolean; aggregated: Aggregated | null };
  variants: { edges: { node: UpstreamVariant }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
}
interface UpstreamLocation {
  location_id: number;
  location_code: string;
  location_name: string;
  available_to_sell: number;
  total_inventory_onhand: number;
  qty_backordered: number;
  settings: {
    safety_stock: number;
    is_in_stock: boolean;
    warning_level: number;
    bin_picking_number: string | null;
    backorder_limit: number | null;
  };
}

const entityId = (id: string) => Number(id.slice(id.lastIndexOf('/') + 1));
const inventory = (node: UpstreamVariant | UpstreamProduct) => {
  const a = node.inventory?.aggregated;
  return a === null || a === undefined
    ? null
    : {
        availableToSell: a.availableToSell,
        onHand: a.onHand,
        qtyBackordered: a.qtyBackordered,
        backorderLimit: a.backorderLimit,
        availability: a.availability,
      };
};

async function catalog(first: number, variantsFirst: number): Promise<string> {
  const page = await request(`${storeUrl}/graphql`, {
    method: 'POST',
    dispatcher: agent,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      query: QUERY,
      variables: { first, after: null, variantsFirst, variantsAfter: null },
      operationName: 'GatewayProducts',
    }),
  });
  const products = (
    (await page.body.json()) as {
      data: {
        store: {
          products: {
            edges: { cursor: string; node: UpstreamProduct }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        };
      };
    }
  ).data.store.products;
  const variantIds = products.edges.flatMap((edge) =>
    edge.node.variants.edges.map((variant) => entityId(variant.node.id)),
  );
  const query = new URLSearchParams({
    'variant_id:in': variantIds.join(','),
    page: '1',
    limit: String(variantIds.length),
  });
  const items = await request(`${storeUrl}/v3/inventory/items?${query.toString()}`, {
    dispatcher: agent,
    headers,
  });
  const byVariant = new Map<number, { product_id: number; sku: string; locations: UpstreamLocation[] }>();
  for (const item of (
    (await items.body.json()) as {
      data: {
        identity: { variant_id: number; product_id: number; sku: string };
        locations: UpstreamLocation[];
      }[];
    }
  ).data)
    byVariant.set(item.identity.variant_id, {
      product_id: item.identity.product_id,
      sku: item.identity.sku,
      locations: item.locations,
    });
  // Only a product tracked at product level has an inventory item (and so a SKU) of its own.
  const productSku = (node: UpstreamProduct, productId: number) =>
    node.inventory.isInventoryTracked && !node.inventory.hasVariantInventory
      ? (node.variants.edges
          .map((edge) => byVariant.get(entityId(edge.node.id)))
          .find((item) => item?.product_id === productId)?.sku ?? null)
      : null;
  return JSON.stringify({
    data: {
      products: {
        edges: products.edges.map((edge) => {
          const productId = entityId(edge.node.id);
          return {
            cursor: edge.cursor,
            node: {
              id: `Product:${productId}`,
              entityId: productId,
              name: edge.node.basicInformation.name,
              sku: productSku(edge.node, productId),
              inventory: inventory(edge.node),
              variants: {
                edges: edge.node.variants.edges.map(({ node }) => {
                  const variantId = entityId(node.id);
                  const item = byVariant.get(variantId);
                  return {
                    node: {
                      id: `Variant:${variantId}`,
                      entityId: variantId,
                      sku: item?.sku ?? null,
                      inventory: inventory(node),
                      locations: (item?.locations ?? []).map((stock) => {
                        const limit = stock.settings.backorder_limit;
                        const remaining = limit === null ? null : Math.max(0, limit - stock.qty_backordered);
                        return {
                          id: `InventoryLevel:${item?.product_id ?? 0}/${variantId}@${stock.location_id}`,
                          location: {
                            id: `Location:${stock.location_id}`,
                            entityId: stock.location_id,
                            code: stock.location_code,
                            name: stock.location_name,
                          },
                          availableToSell: stock.available_to_sell,
                          onHand: stock.total_inventory_onhand,
                          qtyBackordered: stock.qty_backordered,
                          backorderLimit: limit,
                          remainingBackorderAllowance: remaining,
                          canBackorder: remaining === null || remaining > 0,
                          atBackorderLimit: limit !== null && limit > 0 && stock.qty_backordered >= limit,
                          safetyStock: stock.settings.safety_stock,
                          isInStock: stock.settings.is_in_stock,
                          warningLevel: stock.settings.warning_level,
                          binPickingNumber: stock.settings.bin_picking_number ?? '',
                        };
                      }),
                    },
                  };
                }),
                pageInfo: edge.node.variants.pageInfo,
              },
            },
          };
        }),
        pageInfo: products.pageInfo,
      },
    },
  });
}

const server = createServer((incoming, response) => {
  const url = new URL(incoming.url ?? '/', 'http://localhost');
  if (url.pathname !== '/catalog') {
    response.writeHead(404).end();
    return;
  }
  catalog(
    Number(url.searchParams.get('first') ?? 20),
    Number(url.searchParams.get('variantsFirst') ?? 10),
  ).then(
    (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(body),
    (error: unknown) => response.writeHead(500).end(String(error)),
  );
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
