/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
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

export type AdjustInventoryMutationVariables = Exact<{
  input: AdjustInventoryInput;
}>;


export type AdjustInventoryMutation = { __typename?: 'Mutation', adjustInventory: { __typename: 'InventoryAdjusted', transactionIds: Array<string>, items: Array<{ __typename?: 'InventoryLevel', id: string, sku: string, onHand: number, availableToSell: number, qtyBackordered: number, remainingBackorderAllowance?: number | null, location: { __typename?: 'Location', entityId: number } }> } | { __typename: 'NotFoundError', message: string, ids: Array<string> } | { __typename: 'UnknownOutcomeError', message: string, operation: string } | { __typename: 'ValidationError', message: string, fields: Array<{ __typename?: 'FieldError', path: Array<string>, message: string }> } };

export type BackorderCountersSubscriptionVariables = Exact<{
  filter?: InputMaybe<InventoryEventFilter>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type BackorderCountersSubscription = { __typename?: 'Subscription', backorderCounters: { __typename?: 'BackorderCounters', eventId: string, initial: boolean, qtyBackordered: number, backorderLimit?: number | null, remainingBackorderAllowance?: number | null, availableToSell: number, onHand: number, level: { __typename?: 'InventoryLevel', id: string, sku: string, atBackorderLimit: boolean, location: { __typename?: 'Location', entityId: number, code: string } } } };

export type BackorderLimitReachedSubscriptionVariables = Exact<{
  filter?: InputMaybe<InventoryEventFilter>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type BackorderLimitReachedSubscription = { __typename?: 'Subscription', backorderLimitReached: { __typename?: 'BackorderLimitReachedEvent', eventId: string, observedAt: string, level: { __typename?: 'InventoryLevel', id: string, sku: string, qtyBackordered: number, backorderLimit?: number | null, availableToSell: number, location: { __typename?: 'Location', entityId: number, code: string, name: string }, product: { __typename?: 'Product', id: string, name: string } } } };

export type BackordersQueryVariables = Exact<{
  locationIds?: InputMaybe<Array<Scalars['Int']['input']> | Scalars['Int']['input']>;
}>;


export type BackordersQuery = { __typename?: 'Query', backorders: Array<{ __typename?: 'LocationBackorders', totalQtyBackordered: number, location: { __typename?: 'Location', id: string, entityId: number, code: string, name: string }, items: Array<{ __typename?: 'InventoryLevel', id: string, sku: string, qtyBackordered: number, backorderLimit?: number | null, remainingBackorderAllowance?: number | null, atBackorderLimit: boolean, onHand: number, product: { __typename?: 'Product', id: string, name: string } }> }> };

export type CatalogQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  variantsFirst?: InputMaybe<Scalars['Int']['input']>;
}>;


export type CatalogQuery = { __typename?: 'Query', products: { __typename?: 'ProductConnection', edges: Array<{ __typename?: 'ProductEdge', cursor: string, node: { __typename?: 'Product', id: string, entityId: number, name: string, sku?: string | null, inventory?: { __typename?: 'InventoryAggregate', availableToSell: number, onHand: number, qtyBackordered: number, backorderLimit?: number | null, availability: InventoryAvailability } | null, variants: { __typename?: 'VariantConnection', edges: Array<{ __typename?: 'VariantEdge', node: { __typename?: 'Variant', id: string, entityId: number, sku?: string | null, inventory?: { __typename?: 'InventoryAggregate', availableToSell: number, onHand: number, qtyBackordered: number, backorderLimit?: number | null, availability: InventoryAvailability } | null, locations: Array<{ __typename?: 'InventoryLevel', id: string, availableToSell: number, onHand: number, qtyBackordered: number, backorderLimit?: number | null, remainingBackorderAllowance?: number | null, canBackorder: boolean, atBackorderLimit: boolean, safetyStock: number, isInStock: boolean, warningLevel: number, binPickingNumber: string, location: { __typename?: 'Location', id: string, entityId: number, code: string, name: string } }> } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type LevelFieldsFragment = { __typename?: 'InventoryLevel', id: string, availableToSell: number, onHand: number, qtyBackordered: number, backorderLimit?: number | null, remainingBackorderAllowance?: number | null, canBackorder: boolean, atBackorderLimit: boolean, safetyStock: number, isInStock: boolean, warningLevel: number, binPickingNumber: string, location: { __typename?: 'Location', id: string, entityId: number, code: string, name: string } };

export type CreateOrderMutationVariables = Exact<{
  input: CreateOrderInput;
}>;


export type CreateOrderMutation = { __typename?: 'Mutation', createOrder: { __typename: 'OrderCreated', order: { __typename?: 'Order', id: string, entityId: number, status: string, quantityBackordered: number, lines: Array<{ __typename?: 'OrderLine', id: string, entityId: number, variantId: number, quantity: number, quantityBackordered: number, quantityFromStock: number }> }, items: Array<{ __typename?: 'InventoryLevel', id: string, qtyBackordered: number, availableToSell: number, remainingBackorderAllowance?: number | null, atBackorderLimit: boolean }> } | { __typename: 'OutOfStockError', message: string, lines: Array<{ __typename?: 'OutOfStockLine', variantId: number, locationId: number, requested: number, availableQuantity: number, availableQuantityForBackorder: number, message: string }> } | { __typename: 'UnknownOutcomeError', message: string, operation: string } | { __typename: 'ValidationError', message: string, fields: Array<{ __typename?: 'FieldError', path: Array<string>, message: string }> } };

export type InventoryItemsQueryVariables = Exact<{
  filter?: InputMaybe<InventoryItemFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type InventoryItemsQuery = { __typename?: 'Query', inventoryItems: { __typename?: 'InventoryItemConnection', totalCount: number, edges: Array<{ __typename?: 'InventoryItemEdge', cursor: string, node: { __typename?: 'InventoryItem', id: string, sku: string, locations: Array<{ __typename?: 'InventoryLevel', id: string, availableToSell: number, onHand: number, qtyBackordered: number, backorderLimit?: number | null, remainingBackorderAllowance?: number | null, canBackorder: boolean, orderableQuantity?: number | null, location: { __typename?: 'Location', entityId: number, code: string } }> } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type LocationsQueryVariables = Exact<{ [key: string]: never; }>;


export type LocationsQuery = { __typename?: 'Query', locations: Array<{ __typename?: 'Location', id: string, entityId: number, code: string, name: string }> };

export type OrderQueryVariables = Exact<{
  entityId: Scalars['Int']['input'];
}>;


export type OrderQuery = { __typename?: 'Query', order?: { __typename?: 'Order', id: string, entityId: number, status: string, createdAt: string, totalIncTax: string, quantityBackordered: number, lines: Array<{ __typename?: 'OrderLine', id: string, entityId: number, sku: string, name: string, quantity: number, quantityBackordered: number, quantityFromStock: number, variant?: { __typename?: 'Variant', id: string, sku?: string | null } | null }> } | null };

export type ProductPageQueryVariables = Exact<{
  entityId: Scalars['Int']['input'];
  imagesFirst?: InputMaybe<Scalars['Int']['input']>;
  locale: CatalogLocaleContextInput;
}>;


export type ProductPageQuery = { __typename?: 'Query', product?: { __typename?: 'Product', id: string, entityId: number, sku?: string | null, basicInformation: { __typename?: 'CatalogProductBasicInformation', name: string, description: string }, seoInformation: { __typename?: 'CatalogProductSeoInformation', pageTitle: string, metaDescription: string }, urlPath: { __typename?: 'CatalogProductUrlPath', path: string }, images: { __typename?: 'CatalogProductImageConnection', edges: Array<{ __typename?: 'CatalogProductImageEdge', node: { __typename?: 'CatalogProductImage', id: string, altText: string, isThumbnail: boolean, urlStandard: string, urlZoom: string } }> }, options: { __typename?: 'CatalogProductOptionConnection', edges: Array<{ __typename?: 'CatalogProductOptionEdge', node: { __typename?: 'CatalogProductOption', id: string, displayName: string, values: Array<{ __typename?: 'CatalogProductOptionValue', id: string, label: string, isDefault: boolean }> } }> }, overridesForLocale: { __typename?: 'CatalogProductOverridesForLocale', basicInformation?: { __typename?: 'CatalogProductBasicInformationOverrides', name?: string | null, description?: string | null } | null, seoInformation?: { __typename?: 'CatalogProductSeoInformationOverrides', pageTitle?: string | null, metaDescription?: string | null } | null, urlPath?: { __typename?: 'CatalogProductUrlPathOverrides', path?: string | null } | null }, inventory?: { __typename?: 'InventoryAggregate', availableToSell: number, backorderLimit?: number | null, availability: InventoryAvailability } | null, variants: { __typename?: 'VariantConnection', edges: Array<{ __typename?: 'VariantEdge', node: { __typename?: 'Variant', id: string, entityId: number, sku?: string | null, inventory?: { __typename?: 'InventoryAggregate', availableToSell: number, qtyBackordered: number, availability: InventoryAvailability } | null, locations: Array<{ __typename?: 'InventoryLevel', availableToSell: number, canBackorder: boolean, remainingBackorderAllowance?: number | null, orderableQuantity?: number | null, location: { __typename?: 'Location', entityId: number, name: string } }> } }> } } | null };

export type SetBackorderLimitsMutationVariables = Exact<{
  input: UpdateInventorySettingsInput;
}>;


export type SetBackorderLimitsMutation = { __typename?: 'Mutation', updateInventorySettings: { __typename: 'InventorySettingsUpdated', items: Array<{ __typename?: 'InventoryLevel', id: string, sku: string, backorderLimit?: number | null, qtyBackordered: number, remainingBackorderAllowance?: number | null, atBackorderLimit: boolean, location: { __typename?: 'Location', entityId: number } }> } | { __typename: 'NotFoundError', message: string, ids: Array<string> } | { __typename: 'ValidationError', message: string, fields: Array<{ __typename?: 'FieldError', path: Array<string>, message: string }> } };

export type UpdateOrderMutationVariables = Exact<{
  input: UpdateOrderInput;
}>;


export type UpdateOrderMutation = { __typename?: 'Mutation', updateOrder: { __typename: 'NotFoundError', message: string, ids: Array<string> } | { __typename: 'OrderUpdated', order: { __typename?: 'Order', id: string, entityId: number, statusId: number, status: string, quantityBackordered: number, lines: Array<{ __typename?: 'OrderLine', id: string, entityId: number, quantity: number, quantityBackordered: number }> }, items: Array<{ __typename?: 'InventoryLevel', id: string, qtyBackordered: number, availableToSell: number, remainingBackorderAllowance?: number | null }> } | { __typename: 'OutOfStockError', message: string, lines: Array<{ __typename?: 'OutOfStockLine', variantId: number, locationId: number, requested: number, availableQuantity: number, availableQuantityForBackorder: number }> } | { __typename: 'UnknownOutcomeError', message: string, operation: string } | { __typename: 'ValidationError', message: string, fields: Array<{ __typename?: 'FieldError', path: Array<string>, message: string }> } };

export const LevelFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LevelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryLevel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableToSell"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"qtyBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"backorderLimit"}},{"kind":"Field","name":{"kind":"Name","value":"remainingBackorderAllowance"}},{"kind":"Field","name":{"kind":"Name","value":"canBackorder"}},{"kind":"Field","name":{"kind":"Name","value":"atBackorderLimit"}},{"kind":"Field","name":{"kind":"Name","value":"safetyStock"}},{"kind":"Field","name":{"kind":"Name","value":"isInStock"}},{"kind":"Field","name":{"kind":"Name","value":"warningLevel"}},{"kind":"Field","name":{"kind":"Name","value":"binPickingNumber"}}]}}]} as unknown as DocumentNode<LevelFieldsFragment, unknown>;
export const AdjustInventoryDocument = {"__meta__":{"hash":"950544bbc7588f9ffeabc2193037022073b37ef7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdjustInventory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdjustInventoryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustInventory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryAdjusted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transactionIds"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entityId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"availableToSell"}},{"kind":"Field","name":{"kind":"Name","value":"qtyBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"remainingBackorderAllowance"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"ids"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownOutcomeError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}}]}}]}}]}}]} as unknown as DocumentNode<AdjustInventoryMutation, AdjustInventoryMutationVariables>;
export const BackorderCountersDocument = {"__meta__":{"hash":"520680a9ddecbdcffc11aa603b65c53c3f1f3ee6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BackorderCounters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryEventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backorderCounters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"initial"}},{"kind":"Field","name":{"kind":"Name","value":"qtyBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"backorderLimit"}},{"kind":"Field","name":{"kind":"Name","value":"remainingBackorderAllowance"}},{"kind":"Field","name":{"kind":"Name","value":"availableToSell"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"level"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"atBackorderLimit"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BackorderCountersSubscription, BackorderCountersSubscriptionVariables>;
export const BackorderLimitReachedDocument = {"__meta__":{"hash":"4a29253aa1a405ee3f6e1394c380d01f76407b4c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BackorderLimitReached"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryEventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backorderLimitReached"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"observedAt"}},{"kind":"Field","name":{"kind":"Name","value":"level"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"qtyBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"backorderLimit"}},{"kind":"Field","name":{"kind":"Name","value":"availableToSell"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BackorderLimitReachedSubscription, BackorderLimitReachedSubscriptionVariables>;
export const BackordersDocument = {"__meta__":{"hash":"66e0943f6d47d7f737c7840fb6af1c4eafb2b3f4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Backorders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locationIds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backorders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locationIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locationIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalQtyBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"qtyBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"backorderLimit"}},{"kind":"Field","name":{"kind":"Name","value":"remainingBackorderAllowance"}},{"kind":"Field","name":{"kind":"Name","value":"atBackorderLimit"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}}]}}]}}]}}]} as unknown as DocumentNode<BackordersQuery, BackordersQueryVariables>;
export const CatalogDocument = {"__meta__":{"hash":"f0683ffcbe924aacfa39f09d0f7ad4d0afd8e223"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Catalog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"variantsFirst"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"inventory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availableToSell"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"qtyBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"backorderLimit"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}}]}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"variantsFirst"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"inventory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availableToSell"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"qtyBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"backorderLimit"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}}]}},{"kind":"Field","name":{"kind":"Name","value":"locations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LevelFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LevelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryLevel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableToSell"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"qtyBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"backorderLimit"}},{"kind":"Field","name":{"kind":"Name","value":"remainingBackorderAllowance"}},{"kind":"Field","name":{"kind":"Name","value":"canBackorder"}},{"kind":"Field","name":{"kind":"Name","value":"atBackorderLimit"}},{"kind":"Field","name":{"kind":"Name","value":"safetyStock"}},{"kind":"Field","name":{"kind":"Name","value":"isInStock"}},{"kind":"Field","name":{"kind":"Name","value":"warningLevel"}},{"kind":"Field","name":{"kind":"Name","value":"binPickingNumber"}}]}}]} as unknown as DocumentNode<CatalogQuery, CatalogQueryVariables>;
export const CreateOrderDocument = {"__meta__":{"hash":"cc1684d18356189d99380bae67ed2d3d8f7124bc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OrderCreated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quantityBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"variantId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"quantityBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"quantityFromStock"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"qtyBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"availableToSell"}},{"kind":"Field","name":{"kind":"Name","value":"remainingBackorderAllowance"}},{"kind":"Field","name":{"kind":"Name","value":"atBackorderLimit"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutOfStockError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"variantId"}},{"kind":"Field","name":{"kind":"Name","value":"locationId"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}},{"kind":"Field","name":{"kind":"Name","value":"availableQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"availableQuantityForBackorder"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownOutcomeError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}}]}}]}}]}}]} as unknown as DocumentNode<CreateOrderMutation, CreateOrderMutationVariables>;
export const InventoryItemsDocument = {"__meta__":{"hash":"359c8eaacee64aef2df93215a54a310218d82cb7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InventoryItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryItemFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inventoryItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"locations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableToSell"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"qtyBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"backorderLimit"}},{"kind":"Field","name":{"kind":"Name","value":"remainingBackorderAllowance"}},{"kind":"Field","name":{"kind":"Name","value":"canBackorder"}},{"kind":"Field","name":{"kind":"Name","value":"orderableQuantity"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<InventoryItemsQuery, InventoryItemsQueryVariables>;
export const LocationsDocument = {"__meta__":{"hash":"e8267b6424dcb6bc3fd282229d34b30eea419c99"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Locations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<LocationsQuery, LocationsQueryVariables>;
export const OrderDocument = {"__meta__":{"hash":"1d486055ecef13ad44124e704723016d35c9021e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Order"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entityId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"totalIncTax"}},{"kind":"Field","name":{"kind":"Name","value":"quantityBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"quantityBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"quantityFromStock"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrderQuery, OrderQueryVariables>;
export const ProductPageDocument = {"__meta__":{"hash":"a5011b18e1b48991226eacfddab0e53e6fbfe38b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"imagesFirst"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"5"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogLocaleContextInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entityId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"basicInformation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"seoInformation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageTitle"}},{"kind":"Field","name":{"kind":"Name","value":"metaDescription"}}]}},{"kind":"Field","name":{"kind":"Name","value":"urlPath"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"imagesFirst"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}},{"kind":"Field","name":{"kind":"Name","value":"isThumbnail"}},{"kind":"Field","name":{"kind":"Name","value":"urlStandard"}},{"kind":"Field","name":{"kind":"Name","value":"urlZoom"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"options"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"overridesForLocale"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"localeContext"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basicInformation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"seoInformation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageTitle"}},{"kind":"Field","name":{"kind":"Name","value":"metaDescription"}}]}},{"kind":"Field","name":{"kind":"Name","value":"urlPath"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availableToSell"}},{"kind":"Field","name":{"kind":"Name","value":"backorderLimit"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}}]}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"inventory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availableToSell"}},{"kind":"Field","name":{"kind":"Name","value":"qtyBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}}]}},{"kind":"Field","name":{"kind":"Name","value":"locations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableToSell"}},{"kind":"Field","name":{"kind":"Name","value":"canBackorder"}},{"kind":"Field","name":{"kind":"Name","value":"remainingBackorderAllowance"}},{"kind":"Field","name":{"kind":"Name","value":"orderableQuantity"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductPageQuery, ProductPageQueryVariables>;
export const SetBackorderLimitsDocument = {"__meta__":{"hash":"a4ad04372811539192590d89b97cd5a4346c4075"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetBackorderLimits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateInventorySettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateInventorySettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventorySettingsUpdated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entityId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"backorderLimit"}},{"kind":"Field","name":{"kind":"Name","value":"qtyBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"remainingBackorderAllowance"}},{"kind":"Field","name":{"kind":"Name","value":"atBackorderLimit"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"ids"}}]}}]}}]}}]} as unknown as DocumentNode<SetBackorderLimitsMutation, SetBackorderLimitsMutationVariables>;
export const UpdateOrderDocument = {"__meta__":{"hash":"570d79f6480c5c2af0e9dcde32d8e6acd3f892d5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OrderUpdated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"statusId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quantityBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"quantityBackordered"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"qtyBackordered"}},{"kind":"Field","name":{"kind":"Name","value":"availableToSell"}},{"kind":"Field","name":{"kind":"Name","value":"remainingBackorderAllowance"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutOfStockError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"variantId"}},{"kind":"Field","name":{"kind":"Name","value":"locationId"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}},{"kind":"Field","name":{"kind":"Name","value":"availableQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"availableQuantityForBackorder"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"ids"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownOutcomeError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateOrderMutation, UpdateOrderMutationVariables>;