/**
 * The dashboard's state, free of the DOM and the network: the latest counters per item and location, and the rows
 * the table shows (items with units on backorder, most urgent first).
 */

/** One value of the `BackorderCounters` subscription (operations/backorder-counters.graphql). */
export interface CountersValue {
  readonly eventId: string;
  readonly initial: boolean;
  readonly qtyBackordered: number;
  readonly backorderLimit: number | null;
  readonly remainingBackorderAllowance: number | null;
  readonly availableToSell: number;
  readonly onHand: number;
  readonly level: {
    readonly id: string;
    readonly sku: string;
    readonly atBackorderLimit: boolean;
    readonly location: { readonly entityId: number; readonly code: string };
  };
}

/** One item at one location, as the table shows it. */
export interface Row {
  /** The InventoryLevel id: unique per item and location. */
  readonly id: string;
  readonly sku: string;
  readonly locationId: number;
  readonly locationCode: string;
  readonly qtyBackordered: number;
  /** Null when unlimited. */
  readonly backorderLimit: number | null;
  /** Null when unlimited. */
  readonly remaining: number | null;
  readonly availableToSell: number;
  readonly onHand: number;
  /** No more units can be backordered here. */
  readonly atLimit: boolean;
  /** Backordered units over the limit (1 = at the limit); null when unlimited. */
  readonly usedShare: number | null;
}

export interface RowFilter {
  /** Only this location; null for all. */
  readonly locationId: number | null;
  /** Only SKUs containing this text, ignoring case; empty for all. */
  readonly sku: string;
}

export interface Summary {
  readonly items: number;
  readonly units: number;
  readonly atLimit: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isInt = (value: unknown): value is number => Number.isSafeInteger(value);
const isIntOrNull = (value: unknown): value is number | null => value === null || isInt(value);

/** Whether a subscription payload has the shape the dashboard relies on. */
export function isCountersValue(value: unknown): value is CountersValue {
  if (!isRecord(value) || !isRecord(value['level'])) return false;
  const level = value['level'];
  const location = level['location'];
  return (
    typeof value['eventId'] === 'string' &&
    typeof value['initial'] === 'boolean' &&
    isInt(value['qtyBackordered']) &&
    isIntOrNull(value['backorderLimit']) &&
    isIntOrNull(value['remainingBackorderAllowance']) &&
    isInt(value['availableToSell']) &&
    isInt(value['onHand']) &&
    typeof level['id'] === 'string' &&
    typeof level['sku'] === 'string' &&
    typeof level['atBackorderLimit'] === 'boolean' &&
    isRecord(location) &&
    isInt(location['entityId']) &&
    typeof location['code'] === 'string'
  );
}

export function toRow(value: CountersValue): Row {
  const limit = value.backorderLimit;
  const qty = value.qtyBackordered;
  return {
    id: value.level.id,
    sku: value.level.sku,
    locationId: value.level.location.entityId,
    locationCode: value.level.location.code,
    qtyBackordered: qty,
    backorderLimit: limit,
    remaining: value.remainingBackorderAllowance,
    availableToSell: value.availableToSell,
    onHand: value.onHand,
    // A limit of 0 with units still on backorder (the limit was lowered) allows no more either.
    atLimit: value.level.atBackorderLimit || (limit !== null && qty > 0 && qty >= limit),
    usedShare: limit === null ? null : limit === 0 ? (qty > 0 ? 1 : 0) : qty / limit,
  };
}

/** Most urgent first: at the limit, then the largest used share of the limit, then unlimited items by units. */
export function compareUrgency(a: Row, b: Row): number {
  if (a.atLimit !== b.atLimit) return a.atLimit ? -1 : 1;
  if (a.usedShare !== b.usedShare) {
    if (a.usedShare === null) return 1;
    if (b.usedShare === null) return -1;
    return b.usedShare - a.usedShare;
  }
  if (a.qtyBackordered !== b.qtyBackordered) return b.qtyBackordered - a.qtyBackordered;
  if (a.sku !== b.sku) return a.sku < b.sku ? -1 : 1;
  return a.locationId - b.locationId;
}

/** The rows to show: items with units on backorder that pass the filter, most urgent first. */
export function visibleRows(rows: Iterable<Row>, filter: RowFilter): Row[] {
  const sku = filter.sku.trim().toLowerCase();
  return [...rows]
    .filter(
      (row) =>
        row.qtyBackordered > 0 &&
        (filter.locationId === null || row.locationId === filter.locationId) &&
        (sku === '' || row.sku.toLowerCase().includes(sku)),
    )
    .sort(compareUrgency);
}

export function summarize(rows: readonly Row[]): Summary {
  return {
    items: rows.length,
    units: rows.reduce((sum, row) => sum + row.qtyBackordered, 0),
    atLimit: rows.filter((row) => row.atLimit).length,
  };
}
