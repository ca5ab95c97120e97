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
  valueFromASTUntyped,
  visit,
} from 'graphql';
import { availableToSell, backorderAllowance, type StockRow, type StoreDatabase } from '../db.js';
import { ApiError, isRecord, type Reply, type Route, type RouteContext } from '../http.js';

/** Part A 8: the largest complexity BigCommerce executes. */
export const MAX_COMPLEXITY = 10_000;
/** Part A 8: the largest page and the most ids per `nodes` call. */
export const MAX_PAGE = 50;
const DEFAULT_PAGE = 10;
const MAX_DEPTH = 16;

/**
 * The Admin GraphQL subset the emulator serves. Field names, ids, connections and `overridesForLocale` follow
 * BigCommerce's catalog guides ("International Enhancements for Multi-Storefront": product-basic-info,
 * product-images, product-custom-fields, product-seo-info, product-url, product-variant-options) and the
 * inventory guide (Part A 8); README, "The store emulator", lists each field with its guide and the type names
 * chosen where the guides show none.
 */
export const ADMIN_GRAPHQL_TYPE_DEFS = /* GraphQL */ `
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
  input LocaleContextInput { channelId: ID! locale: String! }
  type ChannelLocaleContext { channelId: ID! locale: String! }
  type ProductBasicInformation { name: String! description: String! }
  type ProductSeoInformation { pageTitle: String! metaDescription: String! }
  type ProductUrlPath { path: String! }
  type ProductBasicInformationOverrides { name: String description: String }
  type ProductSeoInformationOverrides { pageTitle: String metaDescription: String }
  type ProductUrlPathOverrides { path: String }
  type ProductOverridesForLocale {
    basicInformation: ProductBasicInformationOverrides
    seoInformation: ProductSeoInformationOverrides
    urlPath: ProductUrlPathOverrides
  }
  type ProductImagesOverridesForChannelLocale {
    context: ChannelLocaleContext!
    altText: String
    isThumbnail: Boolean
    sortOrder: Int
    addedToProduct: Boolean!
  }
  union ProductImageOverrides = ProductImagesOverridesForChannelLocale
  type ProductImageOverridesEdge { cursor: String! node: ProductImageOverrides! }
  type ProductImageOverridesConnection { edges: [ProductImageOverridesEdge!]! pageInfo: PageInfo! }
  type ProductImage {
    id: ID!
    altText: String!
    isThumbnail: Boolean!
    sortOrder: Int!
    urlStandard: String!
    urlZoom: String!
    addedToProduct: Boolean!
    overrides(context: LocaleContextInput!): ProductImageOverridesConnection!
  }
  type ProductImageEdge { cursor: String! node: ProductImage! }
  type ProductImageConnection { edges: [ProductImageEdge!]! pageInfo: PageInfo! }
  type ProductCustomFieldOverridesForChannelLocale {
    context: ChannelLocaleContext!
    name: String
    value: String
    isVisible: Boolean!
  }
  union ProductCustomFieldOverrides = ProductCustomFieldOverridesForChannelLocale
  type ProductCustomFieldOverridesEdge { cursor: String! node: ProductCustomFieldOverrides! }
  type ProductCustomFieldOverridesConnection { edges: [ProductCustomFieldOverridesEdge!]! pageInfo: PageInfo! }
  type ProductCustomField {
    id: ID!
    name: String!
    value: String!
    overrides(context: LocaleContextInput!): ProductCustomFieldOverridesConnection!
  }
  type ProductCustomFieldEdge { cursor: String! node: ProductCustomField! }
  type ProductCustomFieldConnection { edges: [ProductCustomFieldEdge!]! pageInfo: PageInfo! }
  type ProductOptionValue { id: ID! label: String! isDefault: Boolean! }
  type ProductOptionValueOverrides { id: ID! label: String! }
  type ProductOptionOverridesForLocale { displayName: String values: [ProductOptionValueOverrides!]! }
  type ProductOption {
    id: ID!
    displayName: String!
    isShared: Boolean!
    values: [ProductOptionValue!]!
    overridesForLocale(localeContext: LocaleContextInput!): ProductOptionOverridesForLocale!
  }
  type ProductOptionEdge { cursor: String! node: ProductOption! }
  type ProductOptionConnection { edges: [ProductOptionEdge!]! pageInfo: PageInfo! }
  type Product implements Node {
    id: ID!
    basicInformation: ProductBasicInformation!
    seoInformation: ProductSeoInformation!
    urlPath: ProductUrlPath!
    images(first: Int = ${DEFAULT_PAGE}, after: String): ProductImageConnection!
    customFields(first: Int = ${DEFAULT_PAGE}, after: String): ProductCustomFieldConnection!
    options(first: Int = ${DEFAULT_PAGE}, after: String): ProductOptionConnection!
    overridesForLocale(localeContext: LocaleContextInput!): ProductOverridesForLocale!
    inventory: ProductInventory!
    variants(first: Int = ${DEFAULT_PAGE}, after: String): VariantConnection!
  }
  type Variant implements Node { id: ID! product: Product! inventory: VariantInventory! }
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

/** Root fields of introspection: free and depth-exempt (see `complexity`). */
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** The connection fields whose `first` multiplies the cost of what they select. */
const PAGED_FIELDS = new Set(['products', 'variants', 'images', 'customFields', 'options']);

interface ProductRecord {
  readonly __typename: 'Product';
  readonly entityId: number;
  readonly tracking: string;
}
interface VariantRecord {
  readonly __typename: 'Variant';
  readonly entityId: number;
  readonly productId: number;
}
interface LocationRecord {
  readonly __typename: 'InventoryLocation';
  readonly entityId: number;
  readonly code: string;
  readonly label: string;
}
type NodeRecord = ProductRecord | VariantRecord | LocationRecord;

/** What a request's resolvers know beyond the database. */
interface ExecutionContext {
  readonly storeHash: string;
}

interface LocaleContext {
  readonly channelId: number;
  readonly locale: string;
}

const ID_PREFIX = {
  Product: 'bc/store/product/',
  Variant: 'bc/store/productVariant/',
  InventoryLocation: 'bc/store/inventoryLocation/',
  ProductImage: 'bc/store/productImage/',
  ProductCustomField: 'bc/store/productCustomField/',
  ProductOption: 'bc/store/productOption/',
  ProductOptionValue: 'bc/store/productOptionValue/',
  Channel: 'bc/store/channel/',
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

/** Reads `{ channelId: "bc/store/channel/{n}", locale }`; anything else is a GraphQL error naming the value. */
function localeContextOf(input: { channelId: string; locale: string }): LocaleContext {
  const match = /^bc\/store\/channel\/(\d+)$/.exec(input.channelId);
  if (match?.[1] === undefined)
    throw new GraphQLError(
      `channelId must be a channel id like "bc/store/channel/1", got "${input.channelId}"`,
    );
  if (input.locale.trim() === '') throw new GraphQLError('locale must not be empty');
  return { channelId: Number(match[1]), locale: input.locale };
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

function connection<T>(records: readonly T[], first: number, idOf: (record: T) => number) {
  const page = records.slice(0, first);
  const first_ = page[0];
  const last = page.at(-1);
  return {
    edges: page.map((node) => ({ cursor: encodeCursor(idOf(node)), node })),
    pageInfo: {
      hasNextPage: records.length > first,
      hasPreviousPage: false,
      startCursor: first_ === undefined ? null : encodeCursor(idOf(first_)),
      endCursor: last === undefined ? null : encodeCursor(idOf(last)),
    },
  };
}

/** A one-edge (or empty) connection of overrides, as the guides show for images and custom fields. */
function overridesConnection<T>(override: T | undefined, id: number) {
  return connection(override === undefined ? [] : [override], 1, () => id);
}

interface CatalogRow {
  readonly name: string;
  readonly description: string;
  readonly page_title: string;
  readonly meta_description: string;
  readonly url_path: string;
}
interface OverrideRow {
  readonly name: string | null;
  readonly description: string | null;
  readonly page_title: string | null;
  readonly meta_description: string | null;
  readonly url_path: string | null;
}
interface ImageRow {
  readonly id: number;
  readonly product_id: number;
  readonly alt_text: string;
  readonly is_thumbnail: number;
  readonly sort_order: number;
  readonly file_name: string;
}
interface CustomFieldRow {
  readonly id: number;
  readonly name: string;
  readonly value: string;
}
interface OptionRow {
  readonly id: number;
  readonly display_name: string;
  readonly is_shared: number;
}

function buildSchema(store: StoreDatabase, typeDefs: DocumentNode) {
  const productById = store.db.prepare<[number], { id: number; tracking: string }>(
    'SELECT id, tracking FROM products WHERE id = ?',
  );
  const variantById = store.db.prepare<[number], { id: number; product_id: number }>(
    'SELECT id, product_id FROM variants WHERE id = ?',
  );
  const locationById = store.db.prepare<[number], { id: number; code: string; label: string }>(
    'SELECT id, code, label FROM locations WHERE id = ?',
  );
  const productStock = store.db.prepare<[number], StockRow>('SELECT * FROM stock WHERE product_id = ?');
  const variantStock = store.db.prepare<[number, number], StockRow>(
    'SELECT * FROM stock WHERE product_id = ? AND variant_id = ?',
  );
  const variantsPage = store.db.prepare<[number, number, number], { id: number; product_id: number }>(
    'SELECT id, product_id FROM variants WHERE product_id = ? AND id > ? ORDER BY id LIMIT ?',
  );
  const productsPage = store.db.prepare<[number, number], { id: number; tracking: string }>(
    'SELECT id, tracking FROM products WHERE id > ? ORDER BY id LIMIT ?',
  );
  const catalogById = store.db.prepare<[number], CatalogRow>(
    'SELECT name, description, page_title, meta_description, url_path FROM catalog_products WHERE product_id = ?',
  );
  const productName = store.db.prepare<[number], { name: string }>('SELECT name FROM products WHERE id = ?');
  const overridesFor = store.db.prepare<[number, number, string], OverrideRow>(
    `SELECT name, description, page_title, meta_description, url_path FROM catalog_overrides
     WHERE product_id = ? AND channel_id = ? AND locale = ?`,
  );
  const imagesPage = store.db.prepare<[number, number, number], ImageRow>(
    'SELECT * FROM catalog_images WHERE product_id = ? AND id > ? ORDER BY id LIMIT ?',
  );
  const imageOverride = store.db.prepare<
    [number, number, string],
    {
      alt_text: string | null;
      is_thumbnail: number | null;
      sort_order: number | null;
      added_to_product: number;
    }
  >(
    `SELECT alt_text, is_thumbnail, sort_order, added_to_product FROM catalog_image_overrides
     WHERE image_id = ? AND channel_id = ? AND locale = ?`,
  );
  const customFieldsPage = store.db.prepare<[number, number, number], CustomFieldRow>(
    'SELECT id, name, value FROM catalog_custom_fields WHERE product_id = ? AND id > ? ORDER BY id LIMIT ?',
  );
  const customFieldOverride = store.db.prepare<
    [number, number, string],
    { name: string | null; value: string | null; is_visible: number }
  >(
    `SELECT name, value, is_visible FROM catalog_custom_field_overrides
     WHERE custom_field_id = ? AND channel_id = ? AND locale = ?`,
  );
  const optionsPage = store.db.prepare<[number, number, number], OptionRow>(
    'SELECT id, display_name, is_shared FROM catalog_options WHERE product_id = ? AND id > ? ORDER BY id LIMIT ?',
  );
  const optionValues = store.db.prepare<[number], { id: number; label: string; is_default: number }>(
    'SELECT id, label, is_default FROM catalog_option_values WHERE option_id = ? ORDER BY sort_order, id',
  );
  const optionOverride = store.db.prepare<[number, number, string], { display_name: string | null }>(
    'SELECT display_name FROM catalog_option_overrides WHERE option_id = ? AND channel_id = ? AND locale = ?',
  );
  const optionValueOverrides = store.db.prepare<
    [number, number, string],
    { value_id: number; label: string }
  >(
    `SELECT o.value_id, o.label FROM catalog_option_value_overrides o
       JOIN catalog_option_values v ON v.id = o.value_id
     WHERE v.option_id = ? AND o.channel_id = ? AND o.locale = ? ORDER BY v.sort_order, v.id`,
  );

  const toProduct = (row: { id: number; tracking: string }): ProductRecord => ({
    __typename: 'Product',
    entityId: row.id,
    tracking: row.tracking,
  });
  const toVariant = (row: { id: number; product_id: number }): VariantRecord => ({
    __typename: 'Variant',
    entityId: row.id,
    productId: row.product_id,
  });
  /** A product seeded before catalog data existed answers with its name and empty texts. */
  const catalogOf = (product: ProductRecord): CatalogRow => {
    const row = catalogById.get(product.entityId);
    if (row !== undefined) return row;
    const name = productName.get(product.entityId)?.name ?? '';
    return { name, description: '', page_title: name, meta_description: '', url_path: '/' };
  };
  const contextOut = (context: LocaleContext) => ({
    channelId: `${ID_PREFIX.Channel}${context.channelId}`,
    locale: context.locale,
  });
  const pageArgs = (args: { first: number; after?: string | null }) => {
    checkFirst(args.first);
    return [decodeCursor(args.after), args.first + 1] as const;
  };

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

  type PageArgs = { first: number; after?: string | null };
  type LocaleArgs = { localeContext: { channelId: string; locale: string } };
  type ContextArgs = { context: { channelId: string; locale: string } };

  return makeExecutableSchema({
    typeDefs,
    // Fields removed with `adminGraphqlWithout` keep their resolvers here; the schema no longer reaches them.
    resolverValidationOptions: { requireResolversToMatchSchema: 'ignore' },
    resolvers: {
      Node: { __resolveType: (node: NodeRecord) => node.__typename },
      ProductImageOverrides: { __resolveType: () => 'ProductImagesOverridesForChannelLocale' },
      ProductCustomFieldOverrides: { __resolveType: () => 'ProductCustomFieldOverridesForChannelLocale' },
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
        products: (_: unknown, args: PageArgs & { filters?: { ids?: string[] | null } | null }) => {
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
              (node) => node.entityId,
            );
          }
          return connection(
            productsPage.all(...pageArgs(args)).map(toProduct),
            args.first,
            (node) => node.entityId,
          );
        },
      },
      Product: {
        id: (product: ProductRecord) => `${ID_PREFIX.Product}${product.entityId}`,
        basicInformation: (product: ProductRecord) => {
          const row = catalogOf(product);
          return { name: row.name, description: row.description };
        },
        seoInformation: (product: ProductRecord) => {
          const row = catalogOf(product);
          return { pageTitle: row.page_title, metaDescription: row.meta_description };
        },
        urlPath: (product: ProductRecord) => ({ path: catalogOf(product).url_path }),
        images: (product: ProductRecord, args: PageArgs) =>
          connection(imagesPage.all(product.entityId, ...pageArgs(args)), args.first, (row) => row.id),
        customFields: (product: ProductRecord, args: PageArgs) =>
          connection(customFieldsPage.all(product.entityId, ...pageArgs(args)), args.first, (row) => row.id),
        options: (product: ProductRecord, args: PageArgs) =>
          connection(optionsPage.all(product.entityId, ...pageArgs(args)), args.first, (row) => row.id),
        // Guides: members without an override are null; a present member has null for each field not overridden.
        overridesForLocale: (product: ProductRecord, args: LocaleArgs) => {
          const context = localeContextOf(args.localeContext);
          const row = overridesFor.get(product.entityId, context.channelId, context.locale);
          if (row === undefined) return { basicInformation: null, seoInformation: null, urlPath: null };
          return {
            basicInformation:
              row.name === null && row.description === null
                ? null
                : { name: row.name, description: row.description },
            seoInformation:
              row.page_title === null && row.meta_description === null
                ? null
                : { pageTitle: row.page_title, metaDescription: row.meta_description },
            urlPath: row.url_path === null ? null : { path: row.url_path },
          };
        },
        inventory: (product: ProductRecord) => product,
        variants: (product: ProductRecord, args: PageArgs) =>
          connection(
            variantsPage.all(product.entityId, ...pageArgs(args)).map(toVariant),
            args.first,
            (node) => node.entityId,
          ),
      },
      ProductImage: {
        id: (image: ImageRow) => `${ID_PREFIX.ProductImage}${image.id}`,
        altText: (image: ImageRow) => image.alt_text,
        isThumbnail: (image: ImageRow) => image.is_thumbnail === 1,
        sortOrder: (image: ImageRow) => image.sort_order,
        // The guides' CDN form: .../products/{product}/images/{image}/{file}.{w}.{h}.jpg?c=1
        urlStandard: (image: ImageRow, _: unknown, context: ExecutionContext) =>
          `https://cdn11.bigcommerce.com/s-${context.storeHash}/products/${image.product_id}/images/${image.id}/${image.file_name}.386.513.jpg?c=1`,
        urlZoom: (image: ImageRow, _: unknown, context: ExecutionContext) =>
          `https://cdn11.bigcommerce.com/s-${context.storeHash}/products/${image.product_id}/images/${image.id}/${image.file_name}.1280.1280.jpg?c=1`,
        addedToProduct: () => true,
        overrides: (image: ImageRow, args: ContextArgs) => {
          const context = localeContextOf(args.context);
          const row = imageOverride.get(image.id, context.channelId, context.locale);
          return overridesConnection(
            row === undefined
              ? undefined
              : {
                  context: contextOut(context),
                  altText: row.alt_text,
                  isThumbnail: row.is_thumbnail === null ? null : row.is_thumbnail === 1,
                  sortOrder: row.sort_order,
                  addedToProduct: row.added_to_product === 1,
                },
            image.id,
          );
        },
      },
      ProductCustomField: {
        id: (field: CustomFieldRow) => `${ID_PREFIX.ProductCustomField}${field.id}`,
        overrides: (field: CustomFieldRow, args: ContextArgs) => {
          const context = localeContextOf(args.context);
          const row = customFieldOverride.get(field.id, context.channelId, context.locale);
          return overridesConnection(
            row === undefined
              ? undefined
              : {
                  context: contextOut(context),
                  name: row.name,
                  value: row.value,
                  isVisible: row.is_visible === 1,
                },
            field.id,
          );
        },
      },
      ProductOption: {
        id: (option: OptionRow) => `${ID_PREFIX.ProductOption}${option.id}`,
        displayName: (option: OptionRow) => option.display_name,
        isShared: (option: OptionRow) => option.is_shared === 1,
        values: (option: OptionRow) =>
          optionValues.all(option.id).map((value) => ({
            id: `${ID_PREFIX.ProductOptionValue}${value.id}`,
            label: value.label,
            isDefault: value.is_default === 1,
          })),
        // Guide (product-variant-options): displayName null and values [] where nothing is overridden.
        overridesForLocale: (option: OptionRow, args: LocaleArgs) => {
          const context = localeContextOf(args.localeContext);
          return {
            displayName:
              optionOverride.get(option.id, context.channelId, context.locale)?.display_name ?? null,
            values: optionValueOverrides.all(option.id, context.channelId, context.locale).map((value) => ({
              id: `${ID_PREFIX.ProductOptionValue}${value.value_id}`,
              label: value.label,
            })),
          };
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

/**
 * The type definitions without the fields named by `coordinates` (`"Type.field"`). Throws an Error naming a
 * coordinate that names no field of an object or interface type.
 */
export function typeDefsWithout(coordinates: readonly string[]): DocumentNode {
  const document = parse(ADMIN_GRAPHQL_TYPE_DEFS);
  const known = new Set<string>();
  for (const definition of document.definitions) {
    if (
      definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
      definition.kind === Kind.INTERFACE_TYPE_DEFINITION
    ) {
      for (const field of definition.fields ?? []) known.add(`${definition.name.value}.${field.name.value}`);
    }
  }
  const unknown = coordinates.filter((coordinate) => !known.has(coordinate));
  if (unknown.length > 0)
    throw new Error(
      `adminGraphqlWithout: ${unknown.map((coordinate) => `"${coordinate}"`).join(', ')} names no Admin GraphQL field (use Type.field, e.g. "Product.seoInformation")`,
    );
  const removed = new Set(coordinates);
  let parent = '';
  return visit(document, {
    ObjectTypeDefinition: { enter: (node) => void (parent = node.name.value) },
    InterfaceTypeDefinition: { enter: (node) => void (parent = node.name.value) },
    FieldDefinition: (node) => (removed.has(`${parent}.${node.name.value}`) ? null : undefined),
  });
}

/**
 * Estimates cost the way BigCommerce describes it: every field costs 1, and a connection multiplies what it
 * selects by its page size (`first`, or the number of `ids`). Introspection (`__schema`, `__type` and everything
 * under them) costs nothing and adds no depth: it reads the schema, not the store, so graphql-js's standard
 * introspection query is always answered.
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
    if (INTROSPECTION_FIELDS.has(selection.name.value)) continue;
    cost += 1;
    if (nested === undefined) continue;
    const args = new Map(
      selection.arguments?.map((arg) => [arg.name.value, valueFromASTUntyped(arg.value, variables)]) ?? [],
    );
    const first = args.get('first');
    const ids = args.get('ids');
    let multiplier = 1;
    if (PAGED_FIELDS.has(selection.name.value)) multiplier = typeof first === 'number' ? first : DEFAULT_PAGE;
    if (selection.name.value === 'nodes') multiplier = Array.isArray(ids) ? ids.length : 1;
    const inner = complexity(nested, fragments, variables, depth + 1);
    cost += inner.cost * Math.max(1, multiplier);
    deepest = Math.max(deepest, inner.depth);
  }
  return { cost, depth: deepest };
}

/** The Admin GraphQL route, with the schema drift controls the emulator handle exposes. */
export interface AdminGraphqlRoute extends Route {
  /** Serves the schema without these fields (cumulative with earlier calls); throws on an unknown coordinate. */
  removeFields(coordinates: readonly string[]): void;
  /** Serves the schema the route was created with again. */
  restoreFields(): void;
  /** The fields currently removed, as `Type.field` coordinates. */
  removedFields(): readonly string[];
}

/**
 * Creates the `/graphql` route. `without` lists schema coordinates (`"Product.seoInformation"`) the served schema
 * leaves out, as a store whose schema lacks them would: validation and introspection no longer know them.
 */
export function createAdminGraphqlRoute(
  store: StoreDatabase,
  without: readonly string[] = [],
): AdminGraphqlRoute {
  const initial = [...new Set(without)];
  let removed = initial;
  let schema = buildSchema(store, typeDefsWithout(removed));
  const parsed = new Map<string, DocumentNode>();
  const serve = (coordinates: string[]) => {
    // Build first: an unknown coordinate (or a removal that leaves a type empty) changes nothing.
    schema = buildSchema(store, typeDefsWithout(coordinates));
    removed = coordinates;
    parsed.clear();
  };
  return {
    removeFields: (coordinates) => serve([...new Set([...removed, ...coordinates])]),
    restoreFields: () => serve(initial),
    removedFields: () => removed,
    method: 'POST',
    pattern: /^\/graphql$/,
    style: 'graphql',
    handle: async ({ body, options }: RouteContext): Promise<Reply> => {
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
      const contextValue: ExecutionContext = { storeHash: options.storeHash };
      const result = await execute({
        schema,
        document,
        variableValues: variables,
        operationName,
        contextValue,
      });
      return { status: 200, body: result, headers };
    },
  };
}
