import type { LocationRecord, LocationStock } from '../upstream/bigcommerce-rest/inventory.js';
import type { OutOfStockEntry } from '../upstream/bigcommerce-rest/orders.js';

/** An inventory item's identity as REST V3 reports it. */
export interface ItemIdentity {
  readonly sku: string;
  /** For a product-level item, the product's base variant. */
  readonly variantId: number;
  readonly productId: number;
}

/** The parent of `InventoryLevel`: one item at one location. */
export interface InventoryLevelModel {
  readonly item: ItemIdentity;
  readonly stock: LocationStock;
}

export interface LocationBackordersModel {
  readonly location: LocationRecord;
  readonly items: readonly InventoryLevelModel[];
}

export interface OutOfStockLineModel extends OutOfStockEntry {
  readonly requested: number;
}

/** The parent of `BackorderCounters`. */
export interface CountersModel {
  readonly eventId: string;
  readonly initial: boolean;
  readonly item: ItemIdentity;
  readonly stock: LocationStock;
}

/** The parent of `StockChangedEvent` and `BackorderLimitReachedEvent`. */
export interface InventoryEventModel {
  readonly eventId: string;
  readonly observedAt: number;
  readonly item: ItemIdentity;
  readonly stock: LocationStock;
}
