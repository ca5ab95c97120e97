import type { GraphQLResolveInfo } from 'graphql';
import type { ProductRecord, VariantRecord, AggregateRecord } from '../upstream/bigcommerce-admin-graphql/client.js';
import type { LocationRecord, InventoryItemRecord } from '../upstream/bigcommerce-rest/inventory.js';
import type { InventoryLevelModel, LocationBackordersModel, OutOfStockLineModel, CountersModel, InventoryEventModel } from '../gateway/models.js';
import type { OrderRecord, OrderLineRecord } from '../upstream/bigcommerce-rest/orders.js';
import type { GatewayContext } from '../gateway/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

export type AdjustInventoryInput = {
  /** 1 to 10,000 items; the gateway sends them in calls of at most 2,000. */
  items: Array<InventoryAdjustmentItem>;
  mode: AdjustmentMode;
  /** Why stock changed, recorded by the store. */
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type AdjustInventoryResult = InventoryAdjusted | NotFoundError | UnknownOutcomeError | ValidationError;

/** How an adjustment applies its figures. */
export type AdjustmentMode =
  /** Set the figures to the given values (safe to retry). */
  | 'ABSOLUTE'
  /** Add the given values (negative to subtract). Never retried blindly. */
  | 'RELATIVE';

/**
 * An item's backorder counters at one location. The first events of a `backorderCounters` subscription are the current
 * counters of every matching item (`initial: true`); then one event each time an item's counters change.
 */
export type BackorderCounters = {
  __typename?: 'BackorderCounters';
  availableToSell: Scalars['Int']['output'];
  /** Null when unlimited. */
  backorderLimit?: Maybe<Scalars['Int']['output']>;
  /**
   * The event id; hand the last one you saw back as `after` when you reconnect to receive what you missed. Empty for
   * initial counters.
   */
  eventId: Scalars['String']['output'];
  /** Whether this is part of the current state sent when the subscription starts. */
  initial: Scalars['Boolean']['output'];
  /** The item at its location, with the figures at this moment. */
  level: InventoryLevel;
  onHand: Scalars['Int']['output'];
  qtyBackordered: Scalars['Int']['output'];
  /** Null when unlimited. */
  remainingBackorderAllowance?: Maybe<Scalars['Int']['output']>;
};

/** An item reached its backorder limit at a location. */
export type BackorderLimitReachedEvent = {
  __typename?: 'BackorderLimitReachedEvent';
  /** The event id, for resuming with `after`. */
  eventId: Scalars['String']['output'];
  /** The item at its location with its figures at that moment. */
  level: InventoryLevel;
  /** When the gateway observed it (ISO 8601). */
  observedAt: Scalars['String']['output'];
};

export type BillingAddressInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  country?: InputMaybe<Scalars['String']['input']>;
  countryIso2?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<Scalars['String']['input']>;
  street1?: InputMaybe<Scalars['String']['input']>;
  /** At least 2 characters. */
  zip: Scalars['String']['input'];
};

export type CatalogChannelLocaleContext = {
  __typename?: 'CatalogChannelLocaleContext';
  channelId: Scalars['ID']['output'];
  locale: Scalars['String']['output'];
};

export type CatalogLocaleContextInput = {
  channelId: Scalars['ID']['input'];
  locale: Scalars['String']['input'];
};

export type CatalogPageInfo = {
  __typename?: 'CatalogPageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type CatalogProductBasicInformation = {
  __typename?: 'CatalogProductBasicInformation';
  description: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type CatalogProductBasicInformationOverrides = {
  __typename?: 'CatalogProductBasicInformationOverrides';
  description?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
};

export type CatalogProductCustomField = {
  __typename?: 'CatalogProductCustomField';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  overrides: CatalogProductCustomFieldOverridesConnection;
  value: Scalars['String']['output'];
};


export type CatalogProductCustomFieldOverridesArgs = {
  context: CatalogLocaleContextInput;
};

export type CatalogProductCustomFieldConnection = {
  __typename?: 'CatalogProductCustomFieldConnection';
  edges: Array<CatalogProductCustomFieldEdge>;
  pageInfo: CatalogPageInfo;
};

export type CatalogProductCustomFieldEdge = {
  __typename?: 'CatalogProductCustomFieldEdge';
  cursor: Scalars['String']['output'];
  node: CatalogProductCustomField;
};

export type CatalogProductCustomFieldOverrides = CatalogProductCustomFieldOverridesForChannelLocale;

export type CatalogProductCustomFieldOverridesConnection = {
  __typename?: 'CatalogProductCustomFieldOverridesConnection';
  edges: Array<CatalogProductCustomFieldOverridesEdge>;
  pageInfo: CatalogPageInfo;
};

export type CatalogProductCustomFieldOverridesEdge = {
  __typename?: 'CatalogProductCustomFieldOverridesEdge';
  cursor: Scalars['String']['output'];
  node: CatalogProductCustomFieldOverrides;
};

export type CatalogProductCustomFieldOverridesForChannelLocale = {
  __typename?: 'CatalogProductCustomFieldOverridesForChannelLocale';
  context: CatalogChannelLocaleContext;
  isVisible: Scalars['Boolean']['output'];
  name?: Maybe<Scalars['String']['output']>;
  value?: Maybe<Scalars['String']['output']>;
};

export type CatalogProductImage = {
  __typename?: 'CatalogProductImage';
  addedToProduct: Scalars['Boolean']['output'];
  altText: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  isThumbnail: Scalars['Boolean']['output'];
  overrides: CatalogProductImageOverridesConnection;
  sortOrder: Scalars['Int']['output'];
  urlStandard: Scalars['String']['output'];
  urlZoom: Scalars['String']['output'];
};


export type CatalogProductImageOverridesArgs = {
  context: CatalogLocaleContextInput;
};

export type CatalogProductImageConnection = {
  __typename?: 'CatalogProductImageConnection';
  edges: Array<CatalogProductImageEdge>;
  pageInfo: CatalogPageInfo;
};

export type CatalogProductImageEdge = {
  __typename?: 'CatalogProductImageEdge';
  cursor: Scalars['String']['output'];
  node: CatalogProductImage;
};

export type CatalogProductImageOverrides = CatalogProductImagesOverridesForChannelLocale;

export type CatalogProductImageOverridesConnection = {
  __typename?: 'CatalogProductImageOverridesConnection';
  edges: Array<CatalogProductImageOverridesEdge>;
  pageInfo: CatalogPageInfo;
};

export type CatalogProductImageOverridesEdge = {
  __typename?: 'CatalogProductImageOverridesEdge';
  cursor: Scalars['String']['output'];
  node: CatalogProductImageOverrides;
};

export type CatalogProductImagesOverridesForChannelLocale = {
  __typename?: 'CatalogProductImagesOverridesForChannelLocale';
  addedToProduct: Scalars['Boolean']['output'];
  altText?: Maybe<Scalars['String']['output']>;
  context: CatalogChannelLocaleContext;
  isThumbnail?: Maybe<Scalars['Boolean']['output']>;
  sortOrder?: Maybe<Scalars['Int']['output']>;
};

export type CatalogProductOption = {
  __typename?: 'CatalogProductOption';
  displayName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  isShared: Scalars['Boolean']['output'];
  overridesForLocale: CatalogProductOptionOverridesForLocale;
  values: Array<CatalogProductOptionValue>;
};


export type CatalogProductOptionOverridesForLocaleArgs = {
  localeContext: CatalogLocaleContextInput;
};

export type CatalogProductOptionConnection = {
  __typename?: 'CatalogProductOptionConnection';
  edges: Array<CatalogProductOptionEdge>;
  pageInfo: CatalogPageInfo;
};

export type CatalogProductOptionEdge = {
  __typename?: 'CatalogProductOptionEdge';
  cursor: Scalars['String']['output'];
  node: CatalogProductOption;
};

export type CatalogProductOptionOverridesForLocale = {
  __typename?: 'CatalogProductOptionOverridesForLocale';
  displayName?: Maybe<Scalars['String']['output']>;
  values: Array<CatalogProductOptionValueOverrides>;
};

export type CatalogProductOptionValue = {
  __typename?: 'CatalogProductOptionValue';
  id: Scalars['ID']['output'];
  isDefault: Scalars['Boolean']['output'];
  label: Scalars['String']['output'];
};

export type CatalogProductOptionValueOverrides = {
  __typename?: 'CatalogProductOptionValueOverrides';
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
};

export type CatalogProductOverridesForLocale = {
  __typename?: 'CatalogProductOverridesForLocale';
  basicInformation?: Maybe<CatalogProductBasicInformationOverrides>;
  seoInformation?: Maybe<CatalogProductSeoInformationOverrides>;
  urlPath?: Maybe<CatalogProductUrlPathOverrides>;
};

export type CatalogProductSeoInformation = {
  __typename?: 'CatalogProductSeoInformation';
  metaDescription: Scalars['String']['output'];
  pageTitle: Scalars['String']['output'];
};

export type CatalogProductSeoInformationOverrides = {
  __typename?: 'CatalogProductSeoInformationOverrides';
  metaDescription?: Maybe<Scalars['String']['output']>;
  pageTitle?: Maybe<Scalars['String']['output']>;
};

export type CatalogProductUrlPath = {
  __typename?: 'CatalogProductUrlPath';
  path: Scalars['String']['output'];
};

export type CatalogProductUrlPathOverrides = {
  __typename?: 'CatalogProductUrlPathOverrides';
  path?: Maybe<Scalars['String']['output']>;
};

export type CreateOrderInput = {
  billingAddress: BillingAddressInput;
  /** 0 (the default) for a guest. */
  customerId?: InputMaybe<Scalars['Int']['input']>;
  lines: Array<OrderLineInput>;
  /** BigCommerce status id; 1 (Pending) by default. */
  statusId?: InputMaybe<Scalars['Int']['input']>;
};

export type CreateOrderResult = OrderCreated | OutOfStockError | UnknownOutcomeError | ValidationError;

/** One input field that was refused. */
export type FieldError = {
  __typename?: 'FieldError';
  /** Why the value was refused. */
  message: Scalars['String']['output'];
  /** Path of the field in the mutation input, e.g. `["input", "items", "3", "quantity"]`. */
  path: Array<Scalars['String']['output']>;
};

/** The adjustment was applied. */
export type InventoryAdjusted = {
  __typename?: 'InventoryAdjusted';
  /** The adjusted items at their locations, read after the write. */
  items: Array<InventoryLevel>;
  /** The store's transaction id for each upstream call. */
  transactionIds: Array<Scalars['String']['output']>;
};

/**
 * One item and location to adjust. Name the item by exactly one of `variantId`, `sku` or `productId` (the latter for
 * products tracked at product level), and give `quantity`, `qtyBackordered` or both.
 */
export type InventoryAdjustmentItem = {
  locationId: Scalars['Int']['input'];
  productId?: InputMaybe<Scalars['Int']['input']>;
  /** Backordered quantity (ABSOLUTE) or its change (RELATIVE). */
  qtyBackordered?: InputMaybe<Scalars['Int']['input']>;
  /** On-hand quantity (ABSOLUTE) or its change (RELATIVE). */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  sku?: InputMaybe<Scalars['String']['input']>;
  variantId?: InputMaybe<Scalars['Int']['input']>;
};

/** Inventory summed over every location (from BigCommerce's Admin GraphQL `inventory.aggregated`). */
export type InventoryAggregate = {
  __typename?: 'InventoryAggregate';
  /** Whether the item can be sold now. */
  availability: InventoryAvailability;
  /** Units that can be sold from stock now (on hand minus safety stock). */
  availableToSell: Scalars['Int']['output'];
  /** Sum of the backorder limits; null when any location allows unlimited backorders. */
  backorderLimit?: Maybe<Scalars['Int']['output']>;
  /** Units physically on hand. */
  onHand: Scalars['Int']['output'];
  /** Units sold beyond stock: the fulfilment obligation. */
  qtyBackordered: Scalars['Int']['output'];
  /** Sum of the low-stock warning levels. */
  warningLevel: Scalars['Int']['output'];
};

/**
 * Whether an item can be sold now. Values the store reports that this gateway does not know yet read as `UNKNOWN`
 * instead of failing the query.
 */
export type InventoryAvailability =
  /** Units are available to sell from stock. */
  | 'AVAILABLE'
  /** No stock is available, but the item can still be backordered. */
  | 'BACKORDER'
  /** Neither stock nor backorder allowance is left. */
  | 'UNAVAILABLE'
  /** The store reported a value this gateway does not recognise. */
  | 'UNKNOWN';

/** Which inventory items an event subscription follows; filters combine with AND, and no filter follows everything. */
export type InventoryEventFilter = {
  locationIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  productIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  skus?: InputMaybe<Array<Scalars['String']['input']>>;
  variantIds?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** An inventory item with its stock at every location. */
export type InventoryItem = Node & {
  __typename?: 'InventoryItem';
  id: Scalars['ID']['output'];
  locations: Array<InventoryLevel>;
  product: Product;
  sku: Scalars['String']['output'];
  /** The item's variant; for a product-level item, the product's base variant. */
  variant: Variant;
};

/** A page of inventory items. */
export type InventoryItemConnection = {
  __typename?: 'InventoryItemConnection';
  edges: Array<InventoryItemEdge>;
  pageInfo: PageInfo;
  /** Items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type InventoryItemEdge = {
  __typename?: 'InventoryItemEdge';
  cursor: Scalars['String']['output'];
  node: InventoryItem;
};

/** Which inventory items to list; filters combine with AND. */
export type InventoryItemFilter = {
  /** Only report these locations. */
  locationIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  productIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  skus?: InputMaybe<Array<Scalars['String']['input']>>;
  variantIds?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/**
 * An inventory item's stock and settings at one location (from REST V3 inventory), with the figures a storefront
 * needs to decide whether it can still take backorders.
 */
export type InventoryLevel = Node & {
  __typename?: 'InventoryLevel';
  /** Whether backorders have reached a set, non-zero limit. */
  atBackorderLimit: Scalars['Boolean']['output'];
  /** Units that can be sold from stock now (on hand minus safety stock). */
  availableToSell: Scalars['Int']['output'];
  /** Most units that may be backordered here; null means unlimited, 0 means no backorders. */
  backorderLimit?: Maybe<Scalars['Int']['output']>;
  binPickingNumber: Scalars['String']['output'];
  /** Whether one more unit can be backordered now. */
  canBackorder: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** The store's manual purchasability flag, independent of quantity. */
  isInStock: Scalars['Boolean']['output'];
  location: Location;
  /** Units physically on hand. */
  onHand: Scalars['Int']['output'];
  /** Units a shopper can order now: available to sell plus remaining allowance; null when unlimited. */
  orderableQuantity?: Maybe<Scalars['Int']['output']>;
  product: Product;
  /** Units sold beyond stock at this location. */
  qtyBackordered: Scalars['Int']['output'];
  /** Units that can still be backordered (limit minus backordered, at least 0); null when unlimited. */
  remainingBackorderAllowance?: Maybe<Scalars['Int']['output']>;
  safetyStock: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
  /** The item's variant; for a product-level item, the product's base variant. */
  variant: Variant;
  warningLevel: Scalars['Int']['output'];
};

/**
 * Settings of one item at one location. Fields left out stay unchanged; `backorderLimit: null` means unlimited
 * backorders and `backorderLimit: 0` turns backorders off.
 */
export type InventorySettingInput = {
  backorderLimit?: InputMaybe<Scalars['Int']['input']>;
  binPickingNumber?: InputMaybe<Scalars['String']['input']>;
  isInStock?: InputMaybe<Scalars['Boolean']['input']>;
  locationId: Scalars['Int']['input'];
  productId?: InputMaybe<Scalars['Int']['input']>;
  safetyStock?: InputMaybe<Scalars['Int']['input']>;
  sku?: InputMaybe<Scalars['String']['input']>;
  variantId?: InputMaybe<Scalars['Int']['input']>;
  warningLevel?: InputMaybe<Scalars['Int']['input']>;
};

/** The settings were applied. */
export type InventorySettingsUpdated = {
  __typename?: 'InventorySettingsUpdated';
  /** The changed items at their locations, read after the write. */
  items: Array<InventoryLevel>;
};

/** How a product's stock is tracked in BigCommerce. */
export type InventoryTracking =
  /** Stock is not tracked: the product is always sellable and has no inventory. */
  | 'NONE'
  /** Stock is kept for the product as a whole. */
  | 'PRODUCT'
  /** Stock is kept per variant. */
  | 'VARIANT';

/** An inventory location (warehouse, store). */
export type Location = Node & {
  __typename?: 'Location';
  code: Scalars['String']['output'];
  /** Whether the location is enabled in the store. */
  enabled: Scalars['Boolean']['output'];
  /** BigCommerce's location id. */
  entityId: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** Units on backorder at one location: the fulfilment obligations to meet when stock arrives. */
export type LocationBackorders = {
  __typename?: 'LocationBackorders';
  /** Items with units on backorder here, most backordered first. */
  items: Array<InventoryLevel>;
  location: Location;
  /** Sum of `qtyBackordered` over `items`. */
  totalQtyBackordered: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adjusts on-hand and backordered quantities, absolutely or relatively, all or nothing per upstream call. */
  adjustInventory: AdjustInventoryResult;
  /** Creates an order, taking stock first and backordering the rest within each item's limit. */
  createOrder: CreateOrderResult;
  /** Changes per-location settings such as backorder limits. */
  updateInventorySettings: UpdateInventorySettingsResult;
  /** Changes an order's status or lines; increases are allocated like a new order, decreases release backorders first. */
  updateOrder: UpdateOrderResult;
};


export type MutationAdjustInventoryArgs = {
  input: AdjustInventoryInput;
};


export type MutationCreateOrderArgs = {
  input: CreateOrderInput;
};


export type MutationUpdateInventorySettingsArgs = {
  input: UpdateInventorySettingsInput;
};


export type MutationUpdateOrderArgs = {
  input: UpdateOrderInput;
};

/**
 * An object with a stable, globally unique id. Clients can cache by `id` (and `__typename`) and refetch any object
 * with `node(id:)`.
 */
export type Node = {
  /** The global id: `{Type}:{key}`, e.g. `Variant:74` or `InventoryLevel:130/78@1`. */
  id: Scalars['ID']['output'];
};

/** Ids in the input that name nothing in the store; nothing was changed. */
export type NotFoundError = UserError & {
  __typename?: 'NotFoundError';
  /** The ids (or numeric entity ids, as strings) that were not found. */
  ids: Array<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

/** An order (BigCommerce V2 orders). */
export type Order = Node & {
  __typename?: 'Order';
  /** RFC 2822 creation date, as BigCommerce reports it. */
  createdAt: Scalars['String']['output'];
  customerId: Scalars['Int']['output'];
  entityId: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  itemsTotal: Scalars['Int']['output'];
  lines: Array<OrderLine>;
  /** Units on backorder over all lines. */
  quantityBackordered: Scalars['Int']['output'];
  /** The status name, e.g. `Awaiting Fulfillment`. */
  status: Scalars['String']['output'];
  statusId: Scalars['Int']['output'];
  /** Order total including tax, as a decimal string. */
  totalIncTax: Scalars['String']['output'];
};

export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
  pageInfo: PageInfo;
};

/** The order was created. */
export type OrderCreated = {
  __typename?: 'OrderCreated';
  /** The inventory the order drew on, read after the write. */
  items: Array<InventoryLevel>;
  order: Order;
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  cursor: Scalars['String']['output'];
  node: Order;
};

/** One product line of an order. */
export type OrderLine = Node & {
  __typename?: 'OrderLine';
  /** BigCommerce's order product id; pass it to `updateOrder` to change this line. */
  entityId: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  productId: Scalars['Int']['output'];
  quantity: Scalars['Int']['output'];
  /** Units of this line that are backordered. */
  quantityBackordered: Scalars['Int']['output'];
  /** Units of this line taken from stock. */
  quantityFromStock: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
  /** The variant, when it still exists. */
  variant?: Maybe<Variant>;
  variantId: Scalars['Int']['output'];
};

/** A change to an order line: name an existing line by `lineId`, or a new one by `productId`. */
export type OrderLineChangeInput = {
  lineId?: InputMaybe<Scalars['Int']['input']>;
  productId?: InputMaybe<Scalars['Int']['input']>;
  /** New quantity; 0 removes the line and releases what it held. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  quantityBackordered?: InputMaybe<Scalars['Int']['input']>;
  variantId?: InputMaybe<Scalars['Int']['input']>;
};

/** A catalog line of a new order. */
export type OrderLineInput = {
  productId: Scalars['Int']['input'];
  quantity: Scalars['Int']['input'];
  /** Fixes how many units are backordered (0 to quantity); when left out, stock is used first. */
  quantityBackordered?: InputMaybe<Scalars['Int']['input']>;
  /** Required when the product has several variants. */
  variantId?: InputMaybe<Scalars['Int']['input']>;
};

/** The order was changed. */
export type OrderUpdated = {
  __typename?: 'OrderUpdated';
  /** The inventory the change touched, read after the write. */
  items: Array<InventoryLevel>;
  order: Order;
};

/** The order asks for more than stock plus backorder allowance; nothing was changed. */
export type OutOfStockError = UserError & {
  __typename?: 'OutOfStockError';
  /** One entry per failing variant and location. */
  lines: Array<OutOfStockLine>;
  message: Scalars['String']['output'];
};

/** One order line the store could not fill from stock plus backorder allowance. */
export type OutOfStockLine = {
  __typename?: 'OutOfStockLine';
  /** Units available from stock. */
  availableQuantity: Scalars['Int']['output'];
  /** Units that could still be backordered. */
  availableQuantityForBackorder: Scalars['Int']['output'];
  location?: Maybe<Location>;
  locationId: Scalars['Int']['output'];
  /** The store's own message. */
  message: Scalars['String']['output'];
  /** Units the order asked for of this variant. */
  requested: Scalars['Int']['output'];
  variant?: Maybe<Variant>;
  variantId: Scalars['Int']['output'];
};

/** Relay pagination information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge in this page; pass it as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether a page comes before this one. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge in this page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A catalog product. */
export type Product = Node & {
  __typename?: 'Product';
  /** From the store's catalog (BigCommerce Admin GraphQL `Product.basicInformation`). */
  basicInformation: CatalogProductBasicInformation;
  /** From the store's catalog (BigCommerce Admin GraphQL `Product.customFields`). */
  customFields: CatalogProductCustomFieldConnection;
  /** BigCommerce's product id. */
  entityId: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** From the store's catalog (BigCommerce Admin GraphQL `Product.images`). */
  images: CatalogProductImageConnection;
  /** Aggregated inventory over all locations; null when the product's stock is not tracked. */
  inventory?: Maybe<InventoryAggregate>;
  /** The product's name (Admin GraphQL `basicInformation.name`). */
  name: Scalars['String']['output'];
  /** From the store's catalog (BigCommerce Admin GraphQL `Product.options`). */
  options: CatalogProductOptionConnection;
  /** From the store's catalog (BigCommerce Admin GraphQL `Product.overridesForLocale`). */
  overridesForLocale: CatalogProductOverridesForLocale;
  /** From the store's catalog (BigCommerce Admin GraphQL `Product.seoInformation`). */
  seoInformation: CatalogProductSeoInformation;
  /**
   * The product's SKU, from its REST V3 inventory item (`identity.sku`). Null unless the product tracks inventory at
   * product level: a product tracked by variant has one inventory item per variant (see `variants { sku }`) and an
   * untracked product has none, and BigCommerce's Admin GraphQL documents no product SKU.
   */
  sku?: Maybe<Scalars['String']['output']>;
  /** From the store's catalog (BigCommerce Admin GraphQL `Product.urlPath`). */
  urlPath: CatalogProductUrlPath;
  /** The product's variants (a product without options has one base variant). */
  variants: VariantConnection;
};


/** A catalog product. */
export type ProductCustomFieldsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A catalog product. */
export type ProductImagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A catalog product. */
export type ProductOptionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A catalog product. */
export type ProductOverridesForLocaleArgs = {
  localeContext: CatalogLocaleContextInput;
};


/** A catalog product. */
export type ProductVariantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of products. */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  edges: Array<ProductEdge>;
  pageInfo: PageInfo;
};

export type ProductEdge = {
  __typename?: 'ProductEdge';
  cursor: Scalars['String']['output'];
  node: Product;
};

export type Query = {
  __typename?: 'Query';
  /** Items with units on backorder, by location. */
  backorders: Array<LocationBackorders>;
  /** Inventory items with their per-location stock. */
  inventoryItems: InventoryItemConnection;
  /** Every inventory location. */
  locations: Array<Location>;
  /** Fetches any object by its global id; the id's type needs its scope (`Order:...` needs `orders:read`). */
  node?: Maybe<Node>;
  /**
   * Fetches objects by global id, in order, with null for ids that name nothing. Each id's type needs its scope
   * (`Order:...` needs `orders:read`), checked before anything is loaded.
   */
  nodes: Array<Maybe<Node>>;
  /** An order by BigCommerce order id. */
  order?: Maybe<Order>;
  /** Orders, newest last, a page at a time. */
  orders: OrderConnection;
  /** A product by BigCommerce product id. */
  product?: Maybe<Product>;
  /** A page of catalog products. */
  products: ProductConnection;
  /** A variant by BigCommerce variant id. */
  variant?: Maybe<Variant>;
};


export type QueryBackordersArgs = {
  locationIds?: InputMaybe<Array<Scalars['Int']['input']>>;
};


export type QueryInventoryItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InventoryItemFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryOrderArgs = {
  entityId: Scalars['Int']['input'];
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryProductArgs = {
  entityId: Scalars['Int']['input'];
};


export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryVariantArgs = {
  entityId: Scalars['Int']['input'];
};

/** An item's stock changed at a location (from the store's webhook or a mutation through this gateway). */
export type StockChangedEvent = {
  __typename?: 'StockChangedEvent';
  /** The event id, for resuming with `after`. */
  eventId: Scalars['String']['output'];
  /** The item at its location with its current figures. */
  level: InventoryLevel;
  /** When the gateway observed the change (ISO 8601). */
  observedAt: Scalars['String']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Live backorder counters: the current ones first, then every change. */
  backorderCounters: BackorderCounters;
  /** Every time a matching item reaches its backorder limit. */
  backorderLimitReached: BackorderLimitReachedEvent;
  /** Every visible stock change of a matching item. */
  stockChanged: StockChangedEvent;
};


export type SubscriptionBackorderCountersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InventoryEventFilter>;
};


export type SubscriptionBackorderLimitReachedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InventoryEventFilter>;
};


export type SubscriptionStockChangedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InventoryEventFilter>;
};

/**
 * The store may or may not have applied the write: the answer was lost (timeout or dropped connection). The gateway
 * does not retry such writes blindly. Read the affected items before deciding to send it again.
 */
export type UnknownOutcomeError = UserError & {
  __typename?: 'UnknownOutcomeError';
  message: Scalars['String']['output'];
  /** The upstream operation whose outcome is unknown, e.g. `relative inventory adjustment`. */
  operation: Scalars['String']['output'];
};

export type UpdateInventorySettingsInput = {
  items: Array<InventorySettingInput>;
};

export type UpdateInventorySettingsResult = InventorySettingsUpdated | NotFoundError | ValidationError;

export type UpdateOrderInput = {
  lines?: InputMaybe<Array<OrderLineChangeInput>>;
  orderId: Scalars['Int']['input'];
  statusId?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateOrderResult = NotFoundError | OrderUpdated | OutOfStockError | UnknownOutcomeError | ValidationError;

/** An outcome a client can act on, returned as a member of a mutation's result union. */
export type UserError = {
  /** A sentence for people, naming what was wrong. */
  message: Scalars['String']['output'];
};

/** The input was refused; nothing was changed. */
export type ValidationError = UserError & {
  __typename?: 'ValidationError';
  /** The fields at fault. */
  fields: Array<FieldError>;
  message: Scalars['String']['output'];
};

/** A purchasable variant of a product. */
export type Variant = Node & {
  __typename?: 'Variant';
  /** BigCommerce's variant id. */
  entityId: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /**
   * Aggregated inventory over all locations; null when the product tracks stock at product level (see
   * `product.inventory`) or not at all.
   */
  inventory?: Maybe<InventoryAggregate>;
  /** Per-location inventory of this variant's inventory item. */
  locations: Array<InventoryLevel>;
  product: Product;
  /**
   * The variant's SKU, from its REST V3 inventory item (`identity.sku`). Null when BigCommerce lists no inventory
   * item for the variant: its product does not track inventory, or tracks it at product level and this is not the
   * product's base variant.
   */
  sku?: Maybe<Scalars['String']['output']>;
};


/** A purchasable variant of a product. */
export type VariantLocationsArgs = {
  locationIds?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** A page of variants. */
export type VariantConnection = {
  __typename?: 'VariantConnection';
  edges: Array<VariantEdge>;
  pageInfo: PageInfo;
};

export type VariantEdge = {
  __typename?: 'VariantEdge';
  cursor: Scalars['String']['output'];
  node: Variant;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = {}, TContext = {}, TArgs = {}> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = {}, TContext = {}, TArgs = {}> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = {}, TContext = {}> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = {}, TContext = {}> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = {}, TParent = {}, TContext = {}, TArgs = {}> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  AdjustInventoryResult: ( Omit<InventoryAdjusted, 'items'> & { items: Array<_RefType['InventoryLevel']> } ) | ( NotFoundError ) | ( UnknownOutcomeError ) | ( ValidationError );
  CatalogProductCustomFieldOverrides: ( CatalogProductCustomFieldOverridesForChannelLocale );
  CatalogProductImageOverrides: ( CatalogProductImagesOverridesForChannelLocale );
  CreateOrderResult: ( Omit<OrderCreated, 'items' | 'order'> & { items: Array<_RefType['InventoryLevel']>, order: _RefType['Order'] } ) | ( Omit<OutOfStockError, 'lines'> & { lines: Array<_RefType['OutOfStockLine']> } ) | ( UnknownOutcomeError ) | ( ValidationError );
  UpdateInventorySettingsResult: ( Omit<InventorySettingsUpdated, 'items'> & { items: Array<_RefType['InventoryLevel']> } ) | ( NotFoundError ) | ( ValidationError );
  UpdateOrderResult: ( NotFoundError ) | ( Omit<OrderUpdated, 'items' | 'order'> & { items: Array<_RefType['InventoryLevel']>, order: _RefType['Order'] } ) | ( Omit<OutOfStockError, 'lines'> & { lines: Array<_RefType['OutOfStockLine']> } ) | ( UnknownOutcomeError ) | ( ValidationError );
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node: ( InventoryItemRecord ) | ( InventoryLevelModel ) | ( LocationRecord ) | ( OrderRecord ) | ( OrderLineRecord ) | ( ProductRecord ) | ( VariantRecord );
  UserError: ( NotFoundError ) | ( Omit<OutOfStockError, 'lines'> & { lines: Array<_RefType['OutOfStockLine']> } ) | ( UnknownOutcomeError ) | ( ValidationError );
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AdjustInventoryInput: AdjustInventoryInput;
  AdjustInventoryResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['AdjustInventoryResult']>;
  AdjustmentMode: AdjustmentMode;
  BackorderCounters: ResolverTypeWrapper<CountersModel>;
  BackorderLimitReachedEvent: ResolverTypeWrapper<InventoryEventModel>;
  BillingAddressInput: BillingAddressInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CatalogChannelLocaleContext: ResolverTypeWrapper<CatalogChannelLocaleContext>;
  CatalogLocaleContextInput: CatalogLocaleContextInput;
  CatalogPageInfo: ResolverTypeWrapper<CatalogPageInfo>;
  CatalogProductBasicInformation: ResolverTypeWrapper<CatalogProductBasicInformation>;
  CatalogProductBasicInformationOverrides: ResolverTypeWrapper<CatalogProductBasicInformationOverrides>;
  CatalogProductCustomField: ResolverTypeWrapper<Omit<CatalogProductCustomField, 'overrides'> & { overrides: ResolversTypes['CatalogProductCustomFieldOverridesConnection'] }>;
  CatalogProductCustomFieldConnection: ResolverTypeWrapper<Omit<CatalogProductCustomFieldConnection, 'edges'> & { edges: Array<ResolversTypes['CatalogProductCustomFieldEdge']> }>;
  CatalogProductCustomFieldEdge: ResolverTypeWrapper<Omit<CatalogProductCustomFieldEdge, 'node'> & { node: ResolversTypes['CatalogProductCustomField'] }>;
  CatalogProductCustomFieldOverrides: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CatalogProductCustomFieldOverrides']>;
  CatalogProductCustomFieldOverridesConnection: ResolverTypeWrapper<Omit<CatalogProductCustomFieldOverridesConnection, 'edges'> & { edges: Array<ResolversTypes['CatalogProductCustomFieldOverridesEdge']> }>;
  CatalogProductCustomFieldOverridesEdge: ResolverTypeWrapper<Omit<CatalogProductCustomFieldOverridesEdge, 'node'> & { node: ResolversTypes['CatalogProductCustomFieldOverrides'] }>;
  CatalogProductCustomFieldOverridesForChannelLocale: ResolverTypeWrapper<CatalogProductCustomFieldOverridesForChannelLocale>;
  CatalogProductImage: ResolverTypeWrapper<Omit<CatalogProductImage, 'overrides'> & { overrides: ResolversTypes['CatalogProductImageOverridesConnection'] }>;
  CatalogProductImageConnection: ResolverTypeWrapper<Omit<CatalogProductImageConnection, 'edges'> & { edges: Array<ResolversTypes['CatalogProductImageEdge']> }>;
  CatalogProductImageEdge: ResolverTypeWrapper<Omit<CatalogProductImageEdge, 'node'> & { node: ResolversTypes['CatalogProductImage'] }>;
  CatalogProductImageOverrides: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CatalogProductImageOverrides']>;
  CatalogProductImageOverridesConnection: ResolverTypeWrapper<Omit<CatalogProductImageOverridesConnection, 'edges'> & { edges: Array<ResolversTypes['CatalogProductImageOverridesEdge']> }>;
  CatalogProductImageOverridesEdge: ResolverTypeWrapper<Omit<CatalogProductImageOverridesEdge, 'node'> & { node: ResolversTypes['CatalogProductImageOverrides'] }>;
  CatalogProductImagesOverridesForChannelLocale: ResolverTypeWrapper<CatalogProductImagesOverridesForChannelLocale>;
  CatalogProductOption: ResolverTypeWrapper<CatalogProductOption>;
  CatalogProductOptionConnection: ResolverTypeWrapper<CatalogProductOptionConnection>;
  CatalogProductOptionEdge: ResolverTypeWrapper<CatalogProductOptionEdge>;
  CatalogProductOptionOverridesForLocale: ResolverTypeWrapper<CatalogProductOptionOverridesForLocale>;
  CatalogProductOptionValue: ResolverTypeWrapper<CatalogProductOptionValue>;
  CatalogProductOptionValueOverrides: ResolverTypeWrapper<CatalogProductOptionValueOverrides>;
  CatalogProductOverridesForLocale: ResolverTypeWrapper<CatalogProductOverridesForLocale>;
  CatalogProductSeoInformation: ResolverTypeWrapper<CatalogProductSeoInformation>;
  CatalogProductSeoInformationOverrides: ResolverTypeWrapper<CatalogProductSeoInformationOverrides>;
  CatalogProductUrlPath: ResolverTypeWrapper<CatalogProductUrlPath>;
  CatalogProductUrlPathOverrides: ResolverTypeWrapper<CatalogProductUrlPathOverrides>;
  CreateOrderInput: CreateOrderInput;
  CreateOrderResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CreateOrderResult']>;
  FieldError: ResolverTypeWrapper<FieldError>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  InventoryAdjusted: ResolverTypeWrapper<Omit<InventoryAdjusted, 'items'> & { items: Array<ResolversTypes['InventoryLevel']> }>;
  InventoryAdjustmentItem: InventoryAdjustmentItem;
  InventoryAggregate: ResolverTypeWrapper<AggregateRecord>;
  InventoryAvailability: InventoryAvailability;
  InventoryEventFilter: InventoryEventFilter;
  InventoryItem: ResolverTypeWrapper<InventoryItemRecord>;
  InventoryItemConnection: ResolverTypeWrapper<Omit<InventoryItemConnection, 'edges'> & { edges: Array<ResolversTypes['InventoryItemEdge']> }>;
  InventoryItemEdge: ResolverTypeWrapper<Omit<InventoryItemEdge, 'node'> & { node: ResolversTypes['InventoryItem'] }>;
  InventoryItemFilter: InventoryItemFilter;
  InventoryLevel: ResolverTypeWrapper<InventoryLevelModel>;
  InventorySettingInput: InventorySettingInput;
  InventorySettingsUpdated: ResolverTypeWrapper<Omit<InventorySettingsUpdated, 'items'> & { items: Array<ResolversTypes['InventoryLevel']> }>;
  InventoryTracking: InventoryTracking;
  Location: ResolverTypeWrapper<LocationRecord>;
  LocationBackorders: ResolverTypeWrapper<LocationBackordersModel>;
  Mutation: ResolverTypeWrapper<{}>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  NotFoundError: ResolverTypeWrapper<NotFoundError>;
  Order: ResolverTypeWrapper<OrderRecord>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges'> & { edges: Array<ResolversTypes['OrderEdge']> }>;
  OrderCreated: ResolverTypeWrapper<Omit<OrderCreated, 'items' | 'order'> & { items: Array<ResolversTypes['InventoryLevel']>, order: ResolversTypes['Order'] }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderLine: ResolverTypeWrapper<OrderLineRecord>;
  OrderLineChangeInput: OrderLineChangeInput;
  OrderLineInput: OrderLineInput;
  OrderUpdated: ResolverTypeWrapper<Omit<OrderUpdated, 'items' | 'order'> & { items: Array<ResolversTypes['InventoryLevel']>, order: ResolversTypes['Order'] }>;
  OutOfStockError: ResolverTypeWrapper<Omit<OutOfStockError, 'lines'> & { lines: Array<ResolversTypes['OutOfStockLine']> }>;
  OutOfStockLine: ResolverTypeWrapper<OutOfStockLineModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Product: ResolverTypeWrapper<ProductRecord>;
  ProductConnection: ResolverTypeWrapper<Omit<ProductConnection, 'edges'> & { edges: Array<ResolversTypes['ProductEdge']> }>;
  ProductEdge: ResolverTypeWrapper<Omit<ProductEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  Query: ResolverTypeWrapper<{}>;
  StockChangedEvent: ResolverTypeWrapper<InventoryEventModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<{}>;
  UnknownOutcomeError: ResolverTypeWrapper<UnknownOutcomeError>;
  UpdateInventorySettingsInput: UpdateInventorySettingsInput;
  UpdateInventorySettingsResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['UpdateInventorySettingsResult']>;
  UpdateOrderInput: UpdateOrderInput;
  UpdateOrderResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['UpdateOrderResult']>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  ValidationError: ResolverTypeWrapper<ValidationError>;
  Variant: ResolverTypeWrapper<VariantRecord>;
  VariantConnection: ResolverTypeWrapper<Omit<VariantConnection, 'edges'> & { edges: Array<ResolversTypes['VariantEdge']> }>;
  VariantEdge: ResolverTypeWrapper<Omit<VariantEdge, 'node'> & { node: ResolversTypes['Variant'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AdjustInventoryInput: AdjustInventoryInput;
  AdjustInventoryResult: ResolversUnionTypes<ResolversParentTypes>['AdjustInventoryResult'];
  BackorderCounters: CountersModel;
  BackorderLimitReachedEvent: InventoryEventModel;
  BillingAddressInput: BillingAddressInput;
  Boolean: Scalars['Boolean']['output'];
  CatalogChannelLocaleContext: CatalogChannelLocaleContext;
  CatalogLocaleContextInput: CatalogLocaleContextInput;
  CatalogPageInfo: CatalogPageInfo;
  CatalogProductBasicInformation: CatalogProductBasicInformation;
  CatalogProductBasicInformationOverrides: CatalogProductBasicInformationOverrides;
  CatalogProductCustomField: Omit<CatalogProductCustomField, 'overrides'> & { overrides: ResolversParentTypes['CatalogProductCustomFieldOverridesConnection'] };
  CatalogProductCustomFieldConnection: Omit<CatalogProductCustomFieldConnection, 'edges'> & { edges: Array<ResolversParentTypes['CatalogProductCustomFieldEdge']> };
  CatalogProductCustomFieldEdge: Omit<CatalogProductCustomFieldEdge, 'node'> & { node: ResolversParentTypes['CatalogProductCustomField'] };
  CatalogProductCustomFieldOverrides: ResolversUnionTypes<ResolversParentTypes>['CatalogProductCustomFieldOverrides'];
  CatalogProductCustomFieldOverridesConnection: Omit<CatalogProductCustomFieldOverridesConnection, 'edges'> & { edges: Array<ResolversParentTypes['CatalogProductCustomFieldOverridesEdge']> };
  CatalogProductCustomFieldOverridesEdge: Omit<CatalogProductCustomFieldOverridesEdge, 'node'> & { node: ResolversParentTypes['CatalogProductCustomFieldOverrides'] };
  CatalogProductCustomFieldOverridesForChannelLocale: CatalogProductCustomFieldOverridesForChannelLocale;
  CatalogProductImage: Omit<CatalogProductImage, 'overrides'> & { overrides: ResolversParentTypes['CatalogProductImageOverridesConnection'] };
  CatalogProductImageConnection: Omit<CatalogProductImageConnection, 'edges'> & { edges: Array<ResolversParentTypes['CatalogProductImageEdge']> };
  CatalogProductImageEdge: Omit<CatalogProductImageEdge, 'node'> & { node: ResolversParentTypes['CatalogProductImage'] };
  CatalogProductImageOverrides: ResolversUnionTypes<ResolversParentTypes>['CatalogProductImageOverrides'];
  CatalogProductImageOverridesConnection: Omit<CatalogProductImageOverridesConnection, 'edges'> & { edges: Array<ResolversParentTypes['CatalogProductImageOverridesEdge']> };
  CatalogProductImageOverridesEdge: Omit<CatalogProductImageOverridesEdge, 'node'> & { node: ResolversParentTypes['CatalogProductImageOverrides'] };
  CatalogProductImagesOverridesForChannelLocale: CatalogProductImagesOverridesForChannelLocale;
  CatalogProductOption: CatalogProductOption;
  CatalogProductOptionConnection: CatalogProductOptionConnection;
  CatalogProductOptionEdge: CatalogProductOptionEdge;
  CatalogProductOptionOverridesForLocale: CatalogProductOptionOverridesForLocale;
  CatalogProductOptionValue: CatalogProductOptionValue;
  CatalogProductOptionValueOverrides: CatalogProductOptionValueOverrides;
  CatalogProductOverridesForLocale: CatalogProductOverridesForLocale;
  CatalogProductSeoInformation: CatalogProductSeoInformation;
  CatalogProductSeoInformationOverrides: CatalogProductSeoInformationOverrides;
  CatalogProductUrlPath: CatalogProductUrlPath;
  CatalogProductUrlPathOverrides: CatalogProductUrlPathOverrides;
  CreateOrderInput: CreateOrderInput;
  CreateOrderResult: ResolversUnionTypes<ResolversParentTypes>['CreateOrderResult'];
  FieldError: FieldError;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  InventoryAdjusted: Omit<InventoryAdjusted, 'items'> & { items: Array<ResolversParentTypes['InventoryLevel']> };
  InventoryAdjustmentItem: InventoryAdjustmentItem;
  InventoryAggregate: AggregateRecord;
  InventoryEventFilter: InventoryEventFilter;
  InventoryItem: InventoryItemRecord;
  InventoryItemConnection: Omit<InventoryItemConnection, 'edges'> & { edges: Array<ResolversParentTypes['InventoryItemEdge']> };
  InventoryItemEdge: Omit<InventoryItemEdge, 'node'> & { node: ResolversParentTypes['InventoryItem'] };
  InventoryItemFilter: InventoryItemFilter;
  InventoryLevel: InventoryLevelModel;
  InventorySettingInput: InventorySettingInput;
  InventorySettingsUpdated: Omit<InventorySettingsUpdated, 'items'> & { items: Array<ResolversParentTypes['InventoryLevel']> };
  Location: LocationRecord;
  LocationBackorders: LocationBackordersModel;
  Mutation: {};
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  NotFoundError: NotFoundError;
  Order: OrderRecord;
  OrderConnection: Omit<OrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrderEdge']> };
  OrderCreated: Omit<OrderCreated, 'items' | 'order'> & { items: Array<ResolversParentTypes['InventoryLevel']>, order: ResolversParentTypes['Order'] };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderLine: OrderLineRecord;
  OrderLineChangeInput: OrderLineChangeInput;
  OrderLineInput: OrderLineInput;
  OrderUpdated: Omit<OrderUpdated, 'items' | 'order'> & { items: Array<ResolversParentTypes['InventoryLevel']>, order: ResolversParentTypes['Order'] };
  OutOfStockError: Omit<OutOfStockError, 'lines'> & { lines: Array<ResolversParentTypes['OutOfStockLine']> };
  OutOfStockLine: OutOfStockLineModel;
  PageInfo: PageInfo;
  Product: ProductRecord;
  ProductConnection: Omit<ProductConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProductEdge']> };
  ProductEdge: Omit<ProductEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  Query: {};
  StockChangedEvent: InventoryEventModel;
  String: Scalars['String']['output'];
  Subscription: {};
  UnknownOutcomeError: UnknownOutcomeError;
  UpdateInventorySettingsInput: UpdateInventorySettingsInput;
  UpdateInventorySettingsResult: ResolversUnionTypes<ResolversParentTypes>['UpdateInventorySettingsResult'];
  UpdateOrderInput: UpdateOrderInput;
  UpdateOrderResult: ResolversUnionTypes<ResolversParentTypes>['UpdateOrderResult'];
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  ValidationError: ValidationError;
  Variant: VariantRecord;
  VariantConnection: Omit<VariantConnection, 'edges'> & { edges: Array<ResolversParentTypes['VariantEdge']> };
  VariantEdge: Omit<VariantEdge, 'node'> & { node: ResolversParentTypes['Variant'] };
};

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CostDirectiveArgs = {
  weight: Scalars['Int']['input'];
};

export type CostDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = CostDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ListSizeDirectiveArgs = {
  assumedSize?: Maybe<Scalars['Int']['input']>;
  requireOneSlicingArgument?: Maybe<Scalars['Boolean']['input']>;
  sizedFields?: Maybe<Array<Scalars['String']['input']>>;
  slicingArguments?: Maybe<Array<Scalars['String']['input']>>;
};

export type ListSizeDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = ListSizeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type MaxPageDirectiveArgs = {
  size: Scalars['Int']['input'];
};

export type MaxPageDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = MaxPageDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RemoteDirectiveArgs = {
  field: Scalars['String']['input'];
};

export type RemoteDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = RemoteDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['String']['input']>>;
};

export type RequiresScopesDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type UpstreamDirectiveArgs = {
  batchSize?: Scalars['Int']['input'];
  perItem?: Maybe<Scalars['Boolean']['input']>;
};

export type UpstreamDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = UpstreamDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AdjustInventoryResultResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AdjustInventoryResult'] = ResolversParentTypes['AdjustInventoryResult']> = {
  __resolveType: TypeResolveFn<'InventoryAdjusted' | 'NotFoundError' | 'UnknownOutcomeError' | 'ValidationError', ParentType, ContextType>;
};

export type BackorderCountersResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BackorderCounters'] = ResolversParentTypes['BackorderCounters']> = {
  availableToSell?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  backorderLimit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  initial?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['InventoryLevel'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  qtyBackordered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  remainingBackorderAllowance?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BackorderLimitReachedEventResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BackorderLimitReachedEvent'] = ResolversParentTypes['BackorderLimitReachedEvent']> = {
  eventId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['InventoryLevel'], ParentType, ContextType>;
  observedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogChannelLocaleContextResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogChannelLocaleContext'] = ResolversParentTypes['CatalogChannelLocaleContext']> = {
  channelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  locale?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogPageInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogPageInfo'] = ResolversParentTypes['CatalogPageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductBasicInformationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductBasicInformation'] = ResolversParentTypes['CatalogProductBasicInformation']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductBasicInformationOverridesResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductBasicInformationOverrides'] = ResolversParentTypes['CatalogProductBasicInformationOverrides']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductCustomFieldResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductCustomField'] = ResolversParentTypes['CatalogProductCustomField']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overrides?: Resolver<ResolversTypes['CatalogProductCustomFieldOverridesConnection'], ParentType, ContextType, RequireFields<CatalogProductCustomFieldOverridesArgs, 'context'>>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductCustomFieldConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductCustomFieldConnection'] = ResolversParentTypes['CatalogProductCustomFieldConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CatalogProductCustomFieldEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['CatalogPageInfo'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductCustomFieldEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductCustomFieldEdge'] = ResolversParentTypes['CatalogProductCustomFieldEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CatalogProductCustomField'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductCustomFieldOverridesResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductCustomFieldOverrides'] = ResolversParentTypes['CatalogProductCustomFieldOverrides']> = {
  __resolveType: TypeResolveFn<'CatalogProductCustomFieldOverridesForChannelLocale', ParentType, ContextType>;
};

export type CatalogProductCustomFieldOverridesConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductCustomFieldOverridesConnection'] = ResolversParentTypes['CatalogProductCustomFieldOverridesConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CatalogProductCustomFieldOverridesEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['CatalogPageInfo'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductCustomFieldOverridesEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductCustomFieldOverridesEdge'] = ResolversParentTypes['CatalogProductCustomFieldOverridesEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CatalogProductCustomFieldOverrides'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductCustomFieldOverridesForChannelLocaleResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductCustomFieldOverridesForChannelLocale'] = ResolversParentTypes['CatalogProductCustomFieldOverridesForChannelLocale']> = {
  context?: Resolver<ResolversTypes['CatalogChannelLocaleContext'], ParentType, ContextType>;
  isVisible?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductImageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductImage'] = ResolversParentTypes['CatalogProductImage']> = {
  addedToProduct?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  altText?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isThumbnail?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  overrides?: Resolver<ResolversTypes['CatalogProductImageOverridesConnection'], ParentType, ContextType, RequireFields<CatalogProductImageOverridesArgs, 'context'>>;
  sortOrder?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  urlStandard?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  urlZoom?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductImageConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductImageConnection'] = ResolversParentTypes['CatalogProductImageConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CatalogProductImageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['CatalogPageInfo'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductImageEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductImageEdge'] = ResolversParentTypes['CatalogProductImageEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CatalogProductImage'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductImageOverridesResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductImageOverrides'] = ResolversParentTypes['CatalogProductImageOverrides']> = {
  __resolveType: TypeResolveFn<'CatalogProductImagesOverridesForChannelLocale', ParentType, ContextType>;
};

export type CatalogProductImageOverridesConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductImageOverridesConnection'] = ResolversParentTypes['CatalogProductImageOverridesConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CatalogProductImageOverridesEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['CatalogPageInfo'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductImageOverridesEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductImageOverridesEdge'] = ResolversParentTypes['CatalogProductImageOverridesEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CatalogProductImageOverrides'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductImagesOverridesForChannelLocaleResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductImagesOverridesForChannelLocale'] = ResolversParentTypes['CatalogProductImagesOverridesForChannelLocale']> = {
  addedToProduct?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  altText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  context?: Resolver<ResolversTypes['CatalogChannelLocaleContext'], ParentType, ContextType>;
  isThumbnail?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  sortOrder?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductOptionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductOption'] = ResolversParentTypes['CatalogProductOption']> = {
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isShared?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  overridesForLocale?: Resolver<ResolversTypes['CatalogProductOptionOverridesForLocale'], ParentType, ContextType, RequireFields<CatalogProductOptionOverridesForLocaleArgs, 'localeContext'>>;
  values?: Resolver<Array<ResolversTypes['CatalogProductOptionValue']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductOptionConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductOptionConnection'] = ResolversParentTypes['CatalogProductOptionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CatalogProductOptionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['CatalogPageInfo'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductOptionEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductOptionEdge'] = ResolversParentTypes['CatalogProductOptionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CatalogProductOption'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductOptionOverridesForLocaleResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductOptionOverridesForLocale'] = ResolversParentTypes['CatalogProductOptionOverridesForLocale']> = {
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['CatalogProductOptionValueOverrides']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductOptionValueResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductOptionValue'] = ResolversParentTypes['CatalogProductOptionValue']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductOptionValueOverridesResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductOptionValueOverrides'] = ResolversParentTypes['CatalogProductOptionValueOverrides']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductOverridesForLocaleResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductOverridesForLocale'] = ResolversParentTypes['CatalogProductOverridesForLocale']> = {
  basicInformation?: Resolver<Maybe<ResolversTypes['CatalogProductBasicInformationOverrides']>, ParentType, ContextType>;
  seoInformation?: Resolver<Maybe<ResolversTypes['CatalogProductSeoInformationOverrides']>, ParentType, ContextType>;
  urlPath?: Resolver<Maybe<ResolversTypes['CatalogProductUrlPathOverrides']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductSeoInformationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductSeoInformation'] = ResolversParentTypes['CatalogProductSeoInformation']> = {
  metaDescription?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pageTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductSeoInformationOverridesResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductSeoInformationOverrides'] = ResolversParentTypes['CatalogProductSeoInformationOverrides']> = {
  metaDescription?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pageTitle?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductUrlPathResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductUrlPath'] = ResolversParentTypes['CatalogProductUrlPath']> = {
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CatalogProductUrlPathOverridesResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CatalogProductUrlPathOverrides'] = ResolversParentTypes['CatalogProductUrlPathOverrides']> = {
  path?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CreateOrderResultResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CreateOrderResult'] = ResolversParentTypes['CreateOrderResult']> = {
  __resolveType: TypeResolveFn<'OrderCreated' | 'OutOfStockError' | 'UnknownOutcomeError' | 'ValidationError', ParentType, ContextType>;
};

export type FieldErrorResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['FieldError'] = ResolversParentTypes['FieldError']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InventoryAdjustedResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['InventoryAdjusted'] = ResolversParentTypes['InventoryAdjusted']> = {
  items?: Resolver<Array<ResolversTypes['InventoryLevel']>, ParentType, ContextType>;
  transactionIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InventoryAggregateResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['InventoryAggregate'] = ResolversParentTypes['InventoryAggregate']> = {
  availability?: Resolver<ResolversTypes['InventoryAvailability'], ParentType, ContextType>;
  availableToSell?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  backorderLimit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  qtyBackordered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warningLevel?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InventoryItemResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['InventoryItem'] = ResolversParentTypes['InventoryItem']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  locations?: Resolver<Array<ResolversTypes['InventoryLevel']>, ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variant?: Resolver<ResolversTypes['Variant'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InventoryItemConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['InventoryItemConnection'] = ResolversParentTypes['InventoryItemConnection']> = {
  edges?: Resolver<Array<ResolversTypes['InventoryItemEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InventoryItemEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['InventoryItemEdge'] = ResolversParentTypes['InventoryItemEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['InventoryItem'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InventoryLevelResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['InventoryLevel'] = ResolversParentTypes['InventoryLevel']> = {
  atBackorderLimit?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  availableToSell?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  backorderLimit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  binPickingNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  canBackorder?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isInStock?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['Location'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  orderableQuantity?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  qtyBackordered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  remainingBackorderAllowance?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  safetyStock?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variant?: Resolver<ResolversTypes['Variant'], ParentType, ContextType>;
  warningLevel?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InventorySettingsUpdatedResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['InventorySettingsUpdated'] = ResolversParentTypes['InventorySettingsUpdated']> = {
  items?: Resolver<Array<ResolversTypes['InventoryLevel']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LocationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LocationBackordersResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['LocationBackorders'] = ResolversParentTypes['LocationBackorders']> = {
  items?: Resolver<Array<ResolversTypes['InventoryLevel']>, ParentType, ContextType>;
  location?: Resolver<ResolversTypes['Location'], ParentType, ContextType>;
  totalQtyBackordered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  adjustInventory?: Resolver<ResolversTypes['AdjustInventoryResult'], ParentType, ContextType, RequireFields<MutationAdjustInventoryArgs, 'input'>>;
  createOrder?: Resolver<ResolversTypes['CreateOrderResult'], ParentType, ContextType, RequireFields<MutationCreateOrderArgs, 'input'>>;
  updateInventorySettings?: Resolver<ResolversTypes['UpdateInventorySettingsResult'], ParentType, ContextType, RequireFields<MutationUpdateInventorySettingsArgs, 'input'>>;
  updateOrder?: Resolver<ResolversTypes['UpdateOrderResult'], ParentType, ContextType, RequireFields<MutationUpdateOrderArgs, 'input'>>;
};

export type NodeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'InventoryItem' | 'InventoryLevel' | 'Location' | 'Order' | 'OrderLine' | 'Product' | 'Variant', ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type NotFoundErrorResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NotFoundError'] = ResolversParentTypes['NotFoundError']> = {
  ids?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OrderResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = {
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemsTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  quantityBackordered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  statusId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalIncTax?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OrderConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OrderCreatedResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OrderCreated'] = ResolversParentTypes['OrderCreated']> = {
  items?: Resolver<Array<ResolversTypes['InventoryLevel']>, ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OrderEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OrderLineResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = {
  entityId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quantityBackordered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quantityFromStock?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['Variant']>, ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OrderUpdatedResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OrderUpdated'] = ResolversParentTypes['OrderUpdated']> = {
  items?: Resolver<Array<ResolversTypes['InventoryLevel']>, ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OutOfStockErrorResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OutOfStockError'] = ResolversParentTypes['OutOfStockError']> = {
  lines?: Resolver<Array<ResolversTypes['OutOfStockLine']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OutOfStockLineResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OutOfStockLine'] = ResolversParentTypes['OutOfStockLine']> = {
  availableQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  availableQuantityForBackorder?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  locationId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['Variant']>, ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProductResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = {
  basicInformation?: Resolver<ResolversTypes['CatalogProductBasicInformation'], ParentType, ContextType>;
  customFields?: Resolver<ResolversTypes['CatalogProductCustomFieldConnection'], ParentType, ContextType, RequireFields<ProductCustomFieldsArgs, 'first'>>;
  entityId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  images?: Resolver<ResolversTypes['CatalogProductImageConnection'], ParentType, ContextType, RequireFields<ProductImagesArgs, 'first'>>;
  inventory?: Resolver<Maybe<ResolversTypes['InventoryAggregate']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<ResolversTypes['CatalogProductOptionConnection'], ParentType, ContextType, RequireFields<ProductOptionsArgs, 'first'>>;
  overridesForLocale?: Resolver<ResolversTypes['CatalogProductOverridesForLocale'], ParentType, ContextType, RequireFields<ProductOverridesForLocaleArgs, 'localeContext'>>;
  seoInformation?: Resolver<ResolversTypes['CatalogProductSeoInformation'], ParentType, ContextType>;
  sku?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  urlPath?: Resolver<ResolversTypes['CatalogProductUrlPath'], ParentType, ContextType>;
  variants?: Resolver<ResolversTypes['VariantConnection'], ParentType, ContextType, RequireFields<ProductVariantsArgs, 'first'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProductConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProductEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  backorders?: Resolver<Array<ResolversTypes['LocationBackorders']>, ParentType, ContextType, Partial<QueryBackordersArgs>>;
  inventoryItems?: Resolver<ResolversTypes['InventoryItemConnection'], ParentType, ContextType, RequireFields<QueryInventoryItemsArgs, 'first'>>;
  locations?: Resolver<Array<ResolversTypes['Location']>, ParentType, ContextType>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['Node']>>, ParentType, ContextType, RequireFields<QueryNodesArgs, 'ids'>>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'entityId'>>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<QueryOrdersArgs, 'first'>>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductArgs, 'entityId'>>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<QueryProductsArgs, 'first'>>;
  variant?: Resolver<Maybe<ResolversTypes['Variant']>, ParentType, ContextType, RequireFields<QueryVariantArgs, 'entityId'>>;
};

export type StockChangedEventResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['StockChangedEvent'] = ResolversParentTypes['StockChangedEvent']> = {
  eventId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['InventoryLevel'], ParentType, ContextType>;
  observedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  backorderCounters?: SubscriptionResolver<ResolversTypes['BackorderCounters'], "backorderCounters", ParentType, ContextType, Partial<SubscriptionBackorderCountersArgs>>;
  backorderLimitReached?: SubscriptionResolver<ResolversTypes['BackorderLimitReachedEvent'], "backorderLimitReached", ParentType, ContextType, Partial<SubscriptionBackorderLimitReachedArgs>>;
  stockChanged?: SubscriptionResolver<ResolversTypes['StockChangedEvent'], "stockChanged", ParentType, ContextType, Partial<SubscriptionStockChangedArgs>>;
};

export type UnknownOutcomeErrorResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UnknownOutcomeError'] = ResolversParentTypes['UnknownOutcomeError']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UpdateInventorySettingsResultResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UpdateInventorySettingsResult'] = ResolversParentTypes['UpdateInventorySettingsResult']> = {
  __resolveType: TypeResolveFn<'InventorySettingsUpdated' | 'NotFoundError' | 'ValidationError', ParentType, ContextType>;
};

export type UpdateOrderResultResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UpdateOrderResult'] = ResolversParentTypes['UpdateOrderResult']> = {
  __resolveType: TypeResolveFn<'NotFoundError' | 'OrderUpdated' | 'OutOfStockError' | 'UnknownOutcomeError' | 'ValidationError', ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  __resolveType: TypeResolveFn<'NotFoundError' | 'OutOfStockError' | 'UnknownOutcomeError' | 'ValidationError', ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ValidationErrorResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ValidationError'] = ResolversParentTypes['ValidationError']> = {
  fields?: Resolver<Array<ResolversTypes['FieldError']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type VariantResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Variant'] = ResolversParentTypes['Variant']> = {
  entityId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inventory?: Resolver<Maybe<ResolversTypes['InventoryAggregate']>, ParentType, ContextType>;
  locations?: Resolver<Array<ResolversTypes['InventoryLevel']>, ParentType, ContextType, Partial<VariantLocationsArgs>>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  sku?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type VariantConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['VariantConnection'] = ResolversParentTypes['VariantConnection']> = {
  edges?: Resolver<Array<ResolversTypes['VariantEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type VariantEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['VariantEdge'] = ResolversParentTypes['VariantEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Variant'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type Resolvers<ContextType = GatewayContext> = {
  AdjustInventoryResult?: AdjustInventoryResultResolvers<ContextType>;
  BackorderCounters?: BackorderCountersResolvers<ContextType>;
  BackorderLimitReachedEvent?: BackorderLimitReachedEventResolvers<ContextType>;
  CatalogChannelLocaleContext?: CatalogChannelLocaleContextResolvers<ContextType>;
  CatalogPageInfo?: CatalogPageInfoResolvers<ContextType>;
  CatalogProductBasicInformation?: CatalogProductBasicInformationResolvers<ContextType>;
  CatalogProductBasicInformationOverrides?: CatalogProductBasicInformationOverridesResolvers<ContextType>;
  CatalogProductCustomField?: CatalogProductCustomFieldResolvers<ContextType>;
  CatalogProductCustomFieldConnection?: CatalogProductCustomFieldConnectionResolvers<ContextType>;
  CatalogProductCustomFieldEdge?: CatalogProductCustomFieldEdgeResolvers<ContextType>;
  CatalogProductCustomFieldOverrides?: CatalogProductCustomFieldOverridesResolvers<ContextType>;
  CatalogProductCustomFieldOverridesConnection?: CatalogProductCustomFieldOverridesConnectionResolvers<ContextType>;
  CatalogProductCustomFieldOverridesEdge?: CatalogProductCustomFieldOverridesEdgeResolvers<ContextType>;
  CatalogProductCustomFieldOverridesForChannelLocale?: CatalogProductCustomFieldOverridesForChannelLocaleResolvers<ContextType>;
  CatalogProductImage?: CatalogProductImageResolvers<ContextType>;
  CatalogProductImageConnection?: CatalogProductImageConnectionResolvers<ContextType>;
  CatalogProductImageEdge?: CatalogProductImageEdgeResolvers<ContextType>;
  CatalogProductImageOverrides?: CatalogProductImageOverridesResolvers<ContextType>;
  CatalogProductImageOverridesConnection?: CatalogProductImageOverridesConnectionResolvers<ContextType>;
  CatalogProductImageOverridesEdge?: CatalogProductImageOverridesEdgeResolvers<ContextType>;
  CatalogProductImagesOverridesForChannelLocale?: CatalogProductImagesOverridesForChannelLocaleResolvers<ContextType>;
  CatalogProductOption?: CatalogProductOptionResolvers<ContextType>;
  CatalogProductOptionConnection?: CatalogProductOptionConnectionResolvers<ContextType>;
  CatalogProductOptionEdge?: CatalogProductOptionEdgeResolvers<ContextType>;
  CatalogProductOptionOverridesForLocale?: CatalogProductOptionOverridesForLocaleResolvers<ContextType>;
  CatalogProductOptionValue?: CatalogProductOptionValueResolvers<ContextType>;
  CatalogProductOptionValueOverrides?: CatalogProductOptionValueOverridesResolvers<ContextType>;
  CatalogProductOverridesForLocale?: CatalogProductOverridesForLocaleResolvers<ContextType>;
  CatalogProductSeoInformation?: CatalogProductSeoInformationResolvers<ContextType>;
  CatalogProductSeoInformationOverrides?: CatalogProductSeoInformationOverridesResolvers<ContextType>;
  CatalogProductUrlPath?: CatalogProductUrlPathResolvers<ContextType>;
  CatalogProductUrlPathOverrides?: CatalogProductUrlPathOverridesResolvers<ContextType>;
  CreateOrderResult?: CreateOrderResultResolvers<ContextType>;
  FieldError?: FieldErrorResolvers<ContextType>;
  InventoryAdjusted?: InventoryAdjustedResolvers<ContextType>;
  InventoryAggregate?: InventoryAggregateResolvers<ContextType>;
  InventoryItem?: InventoryItemResolvers<ContextType>;
  InventoryItemConnection?: InventoryItemConnectionResolvers<ContextType>;
  InventoryItemEdge?: InventoryItemEdgeResolvers<ContextType>;
  InventoryLevel?: InventoryLevelResolvers<ContextType>;
  InventorySettingsUpdated?: InventorySettingsUpdatedResolvers<ContextType>;
  Location?: LocationResolvers<ContextType>;
  LocationBackorders?: LocationBackordersResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  NotFoundError?: NotFoundErrorResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderCreated?: OrderCreatedResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderUpdated?: OrderUpdatedResolvers<ContextType>;
  OutOfStockError?: OutOfStockErrorResolvers<ContextType>;
  OutOfStockLine?: OutOfStockLineResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  StockChangedEvent?: StockChangedEventResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  UnknownOutcomeError?: UnknownOutcomeErrorResolvers<ContextType>;
  UpdateInventorySettingsResult?: UpdateInventorySettingsResultResolvers<ContextType>;
  UpdateOrderResult?: UpdateOrderResultResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  ValidationError?: ValidationErrorResolvers<ContextType>;
  Variant?: VariantResolvers<ContextType>;
  VariantConnection?: VariantConnectionResolvers<ContextType>;
  VariantEdge?: VariantEdgeResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = GatewayContext> = {
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  cost?: CostDirectiveResolver<any, any, ContextType>;
  listSize?: ListSizeDirectiveResolver<any, any, ContextType>;
  maxPage?: MaxPageDirectiveResolver<any, any, ContextType>;
  remote?: RemoteDirectiveResolver<any, any, ContextType>;
  requiresScopes?: RequiresScopesDirectiveResolver<any, any, ContextType>;
  upstream?: UpstreamDirectiveResolver<any, any, ContextType>;
};
