import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  GraphQLError,
  Kind,
  execute,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { availableToSell, backorderAllowance, type StockRow, type StoreDatabase } from '../db.js';
import { ApiError, isRecord, type Reply, type Route, type RouteContext } from '../http.js';

/** Part A 8: the largest complexity BigCommerce executes. */
export const MAX_COMPLEXITY = 10_000;
/** Part A 8: the largest page and the most ids per `nodes` call. */
export const MAX_PAGE = 50;
const DEFAULT_PAGE = 10;
const MAX_DEPTH = 16;

const typeDefs = /* GraphQL */ `
  interface Node { id: ID! }
  enum InventoryAvailability { AVAILABLE BACKORDER UNAVAILABLE }
  type AggregatedInventory {
    availableToSell: Int!
    warningLevel: Int!
    backorderLimit: Int
    availability: InventoryAvailability!
    onHand: Int!
    qtyBackordered: Int!
  }
  type ProductInventory { isInventoryTracked: Boolean! hasVariantInventory: Boolean! aggregated: AggregatedInventory }
  type VariantInventory { aggregated: AggregatedInventory }
  type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
  type Product implements Node {
    id: ID!
    name: String!
    sku: String!
    inventory: ProductInventory!
    variants(first: Int = ${DEFAULT_PAGE}, after: String): VariantConnection!
  }
  type Variant implements Node { id: ID! sku: String! product: Product! inventory: VariantInventory! }
  type InventoryLocation implements Node { id: ID! code: String! label: String! }
  type ProductEdge { cursor: String! node: Product! }
  type ProductConnection { edges: [ProductEdge!]! pageInfo: PageInfo! }
  type VariantEdge { cursor: String! node: Variant! }
  type VariantConnection { edges: [VariantEdge!]! pageInfo: PageInfo! }
  input ProductFiltersInput { ids: [ID!] }
  type Store {
    product(id: ID!): Product
    products(first: Int = ${DEFAULT_PAGE}, after: String, filters: ProductFiltersInput): ProductConnection!
  }
  type Query { node(id: ID!): Node nodes(ids: [ID!]!): [Node]! store: Store! }
`;

interface ProductRecord {
  readonly __typename: 'Product';
  readonly entityId: number;
  readonly name: string;
  readonly sku: string;
  readonly tracking: string;
}
interface VariantRecord {
  readonly __typename: 'Variant';
  readonly entityId: number;
  readonly productId: number;
  readonly sku: string;
}
interface LocationRecord {
  readonly __typename: 'InventoryLocation';
  readonly entityId: number;
  readonly code: string;
  readonly label: string;
}
type NodeRecord = ProductRecord | VariantRecord | LocationRecord;

const ID_PREFIX = {
  Product: 'bc/store/product/',
  Variant: 'bc/store/productVariant/',
  InventoryLocation: 'bc/store/inventoryLocation/',
} as const;

function encodeCursor(id: number): string {
  return Buffer.from(`cursor:${id}`).toString('base64');
}

function decodeCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const match = /^cursor:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString());
  if (match?.[1] === undefined) throw new GraphQLError(`Invalid cursor "${cursor}"`);
  return Number(match[1]);
}

function checkFirst(first: number): void {
  if (first < 0 || first > MAX_PAGE)
    throw new GraphQLError(`first must be between 0 and ${MAX_PAGE}, got ${first}`);
}

/** Part A 8: sums over locations; unlimited when any location is unlimited. */
function aggregate(rows: readonly StockRow[]) {
  let ats = 0;
  let onHand = 0;
  let backordered = 0;
  let warning = 0;
  let limit: number | null = 0;
  let allowance: number | null = 0;
  for (const row of rows) {
    ats += availableToSell(row);
    onHand += row.on_hand ?? 0;
    backordered += row.qty_backordered;
    warning += row.warning_level;
    limit = limit === null || row.backorder_limit === null ? null : limit + row.backorder_limit;
    const rowAllowance = backorderAllowance(row);
    allowance = allowance === null || rowAllowance === null ? null : allowance + rowAllowance;
  }
  const availability =
    ats > 0 ? 'AVAILABLE' : allowance === null || allowance > 0 ? 'BACKORDER' : 'UNAVAILABLE';
  return {
    availableToSell: ats,
    warningLevel: warning,
    backorderLimit: limit,
    availability,
    onHand,
    qtyBackordered: backordered,
  };
}

function buildSchema(store: StoreDatabase) {
  const productById = store.db.prepare<[number], { id: number; name: string; sku: string; tracking: string }>(
    'SELECT id, name, sku, tracking FROM products WHERE id = ?',
  );
  const variantById = store.db.prepare<[number], { id: number; product_id: number; sku: string }>(
    'SELECT id, product_id, sku FROM variants WHERE id = ?',
  );
  const locationById = store.db.prepare<[number], { id: number; code: string; label: string }>(
    'SELECT id, code, label FROM locations WHERE id = ?',
  );
  const productStock = store.db.prepare<[number], StockRow>('SELECT * FROM stock WHERE product_id = ?');
  const variantStock = store.db.prepare<[number, number], StockRow>(
    'SELECT * FROM stock WHERE product_id = ? AND variant_id = ?',
  );
  const variantsPage = store.db.prepare<
    [number, number, number],
    { id: number; product_id: number; sku: string }
  >('SELECT id, product_id, sku FROM variants WHERE product_id = ? AND id > ? ORDER BY id LIMIT ?');
  const productsPage = store.db.prepare<
    [number, number],
    { id: number; name: string; sku: string; tracking: string }
  >('SELECT id, name, sku, tracking FROM products WHERE id > ? ORDER BY id LIMIT ?');

  const toProduct = (row: { id: number; name: string; sku: string; tracking: string }): ProductRecord => ({
    __typename: 'Product',
    entityId: row.id,
    name: row.name,
    sku: row.sku,
    tracking: row.tracking,
  });
  const toVariant = (row: { id: number; product_id: number; sku: string }): VariantRecord => ({
    __typename: 'Variant',
    entityId: row.id,
    productId: row.product_id,
    sku: row.sku,
  });

  function loadNode(id: unknown): NodeRecord | null {
    if (typeof id !== 'string') return null;
    const match = /^bc\/store\/(product|productVariant|inventoryLocation)\/(\d+)$/.exec(id);
    if (match === null) return null;
    const entityId = Number(match[2]);
    if (match[1] === 'product') {
      const row = productById.get(entityId);
      return row === undefined ? null : toProduct(row);
    }
    if (match[1] === 'productVariant') {
      const row = variantById.get(entityId);
      return row === undefined ? null : toVariant(row);
    }
    const row = locationById.get(entityId);
    return row === undefined
      ? null
      : { __typename: 'InventoryLocation', entityId: row.id, code: row.code, label: row.label };
  }

  function connection<T extends { entityId: number }>(records: T[], first: number) {
    const page = records.slice(0, first);
    return {
      edges: page.map((node) => ({ cursor: encodeCursor(node.entityId), node })),
      pageInfo: {
        hasNextPage: records.length > first,
        hasPreviousPage: false,
        startCursor: page[0] === undefined ? null : encodeCursor(page[0].entityId),
        endCursor: page.at(-1) === undefined ? null : encodeCursor(page.at(-1)?.entityId ?? 0),
      },
    };
  }

  return makeExecutableSchema({
    typeDefs,
    resolvers: {
      Node: { __resolveType: (node: NodeRecord) => node.__typename },
      Query: {
        node: (_: unknown, args: { id: string }) => loadNode(args.id),
        nodes: (_: unknown, args: { ids: string[] }) => {
          if (args.ids.length > MAX_PAGE)
            throw new GraphQLError(`nodes accepts at most ${MAX_PAGE} ids, got ${args.ids.length}`);
          return args.ids.map(loadNode);
        },
        store: () => ({}),
      },
      Store: {
        product: (_: unknown, args: { id: string }) => {
          const node = loadNode(args.id);
          return node?.__typename === 'Product' ? node : null;
        },
        products: (
          _: unknown,
          args: { first: number; after?: string | null; filters?: { ids?: string[] | null } | null },
        ) => {
          checkFirst(args.first);
          const ids = args.filters?.ids;
          if (ids !== undefined && ids !== null) {
            const after = decodeCursor(args.after);
            const found = ids
              .map(loadNode)
              .filter((node): node is ProductRecord => node?.__typename === 'Product');
            return connection(
              found.filter((node) => node.entityId > after).sort((a, b) => a.entityId - b.entityId),
              args.first,
            );
          }
          return connection(
            productsPage.all(decodeCursor(args.after), args.first + 1).map(toProduct),
            args.first,
          );
        },
      },
      Product: {
        id: (product: ProductRecord) => `${ID_PREFIX.Product}${product.entityId}`,
        inventory: (product: ProductRecord) => product,
        variants: (product: ProductRecord, args: { first: number; after?: string | null }) => {
          checkFirst(args.first);
          return connection(
            variantsPage.all(product.entityId, decodeCursor(args.after), args.first + 1).map(toVariant),
            args.first,
          );
        },
      },
      ProductInventory: {
        isInventoryTracked: (product: ProductRecord) => product.tracking !== 'none',
        hasVariantInventory: (product: ProductRecord) => product.tracking === 'variant',
        aggregated: (product: ProductRecord) =>
          product.tracking === 'none' ? null : aggregate(productStock.all(product.entityId)),
      },
      Variant: {
        id: (variant: VariantRecord) => `${ID_PREFIX.Variant}${variant.entityId}`,
        product: (variant: VariantRecord) => {
          const row = productById.get(variant.productId);
          if (row === undefined) throw new GraphQLError(`variant ${variant.entityId} has no product`);
          return toProduct(row);
        },
        inventory: (variant: VariantRecord) => variant,
      },
      VariantInventory: {
        // Only variants of variant-tracked products hold their own inventory.
        aggregated: (variant: VariantRecord) => {
          const product = productById.get(variant.productId);
          return product?.tracking === 'variant'
            ? aggregate(variantStock.all(variant.productId, variant.entityId))
            : null;
        },
      },
      InventoryLocation: {
        id: (location: LocationRecord) => `${ID_PREFIX.InventoryLocation}${location.entityId}`,
      },
    },
  });
}

function argumentValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (node === undefined) return undefined;
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map((value) => argumentValue(value, variables));
    default:
      return undefined;
  }
}

/**
 * Estimates cost the way BigCommerce describes it: every field costs 1, and a connection multiplies what it
 * selects by its page size (`first`, or the number of `ids`).
 */
function complexity(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  depth: number,
): { cost: number; depth: number } {
  let cost = 0;
  let deepest = depth;
  for (const selection of selectionSet.selections) {
    const nested =
      selection.kind === Kind.FIELD
        ? selection.selectionSet
        : selection.kind === Kind.INLINE_FRAGMENT
          ? selection.selectionSet
          : fragments.get(selection.name.value)?.selectionSet;
    if (selection.kind !== Kind.FIELD) {
      if (nested !== undefined) {
        const inner = complexity(nested, fragments, variables, depth);
        cost += inner.cost;
        deepest = Math.max(deepest, inner.depth);
      }
      continue;
    }
    cost += 1;
    if (nested === undefined) continue;
    const args = new Map(
      selection.arguments?.map((arg) => [arg.name.value, argumentValue(arg.value, variables)]) ?? [],
    );
    const first = args.get('first');
    const ids = args.get('ids');
    let multiplier = 1;
    if (['products', 'variants'].includes(selection.name.value))
      multiplier = typeof first === 'number' ? first : DEFAULT_PAGE;
    if (selection.name.value === 'nodes') multiplier = Array.isArray(ids) ? ids.length : 1;
    const inner = complexity(nested, fragments, variables, depth + 1);
    cost += inner.cost * Math.max(1, multiplier);
    deepest = Math.max(deepest, inner.depth);
  }
  return { cost, depth: deepest };
}

export function createAdminGraphqlRoute(store: StoreDatabase): Route {
  const schema = buildSchema(store);
  const parsed = new Map<string, DocumentNode>();
  return {
    method: 'POST',
    pattern: /^\/graphql$/,
    style: 'graphql',
    handle: async ({ body }: RouteContext): Promise<Reply> => {
      if (!isRecord(body) || typeof body['query'] !== 'string')
        throw new ApiError(400, 'Request body must be JSON with a "query" string');
      const variables = body['variables'] ?? {};
      if (!isRecord(variables)) throw new ApiError(400, '"variables" must be a JSON object');
      const operationName = typeof body['operationName'] === 'string' ? body['operationName'] : undefined;
      let document = parsed.get(body['query']);
      if (document === undefined) {
        try {
          document = parse(body['query']);
        } catch (error) {
          return {
            status: 200,
            body: { errors: [{ message: (error as GraphQLError).message }] },
            headers: { 'x-bc-graphql-complexity': '0' },
          };
        }
        const validationErrors = validate(schema, document);
        if (validationErrors.length > 0) {
          return {
            status: 200,
            body: { errors: validationErrors.map((error) => ({ message: error.message })) },
            headers: { 'x-bc-graphql-complexity': '0' },
          };
        }
        if (parsed.size > 500) parsed.clear();
        parsed.set(body['query'], document);
      }
      const operation = getOperationAST(document, operationName);
      if (operation === null || operation === undefined) {
        return { status: 200, body: { errors: [{ message: 'Could not determine which operation to run' }] } };
      }
      const fragments = new Map(
        document.definitions
          .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
          .map((fragment) => [fragment.name.value, fragment]),
      );
      const { cost, depth } = complexity(operation.selectionSet, fragments, variables, 1);
      const headers = {
        'x-bc-graphql-complexity': String(cost),
        'x-bc-graphql-operation-type': operation.operation,
        'x-bc-graphql-operation-name': operation.name?.value ?? '',
      };
      if (cost > MAX_COMPLEXITY) {
        const message = `The query is too complex as it has a complexity score of ${cost} out of ${MAX_COMPLEXITY}. Try limiting the number of fields or nested connections.`;
        return { status: 200, body: { errors: [{ message }] }, headers };
      }
      if (depth > MAX_DEPTH) {
        return {
          status: 200,
          body: { errors: [{ message: `The query exceeds the maximum depth of ${MAX_DEPTH}` }] },
          headers,
        };
      }
      const result = await execute({ schema, document, variableValues: variables, operationName });
      return { status: 200, body: result, headers };
    },
  };
}
