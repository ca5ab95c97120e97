/**
 * Global ids are readable strings, `{Type}:{key}`, so that a client cache can key on them and people can read
 * them in logs: `Product:77`, `Variant:74`, `Location:1`, `InventoryItem:112/74`, `InventoryLevel:112/74@1`,
 * `Order:100`, `OrderLine:100/8`.
 */
export type GlobalId =
  | { readonly type: 'Product' | 'Variant' | 'Location' | 'Order'; readonly id: number }
  | { readonly type: 'InventoryItem'; readonly productId: number; readonly variantId: number }
  | {
      readonly type: 'InventoryLevel';
      readonly productId: number;
      readonly variantId: number;
      readonly locationId: number;
    }
  | { readonly type: 'OrderLine'; readonly orderId: number; readonly lineId: number };

export const globalId = {
  product: (id: number) => `Product:${id}`,
  variant: (id: number) => `Variant:${id}`,
  location: (id: number) => `Location:${id}`,
  order: (id: number) => `Order:${id}`,
  orderLine: (orderId: number, lineId: number) => `OrderLine:${orderId}/${lineId}`,
  inventoryItem: (productId: number, variantId: number) => `InventoryItem:${productId}/${variantId}`,
  inventoryLevel: (productId: number, variantId: number, locationId: number) =>
    `InventoryLevel:${productId}/${variantId}@${locationId}`,
};

const PATTERNS: readonly [RegExp, (match: RegExpExecArray) => GlobalId][] = [
  [/^(Product|Variant|Location|Order):(\d+)$/, (m) => ({ type: m[1] as 'Product', id: Number(m[2]) })],
  [
    /^InventoryItem:(\d+)\/(\d+)$/,
    (m) => ({ type: 'InventoryItem', productId: Number(m[1]), variantId: Number(m[2]) }),
  ],
  [
    /^InventoryLevel:(\d+)\/(\d+)@(\d+)$/,
    (m) => ({
      type: 'InventoryLevel',
      productId: Number(m[1]),
      variantId: Number(m[2]),
      locationId: Number(m[3]),
    }),
  ],
  [/^OrderLine:(\d+)\/(\d+)$/, (m) => ({ type: 'OrderLine', orderId: Number(m[1]), lineId: Number(m[2]) })],
];

/** Parses a global id; null when it is not one of ours. */
export function parseGlobalId(id: string): GlobalId | null {
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(id);
    if (match !== null) return build(match);
  }
  return null;
}

/** Opaque offset cursors for page-based upstream lists. */
export function encodeOffset(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

export function decodeOffset(cursor: string | null | undefined): number | null {
  if (cursor === null || cursor === undefined) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match?.[1] === undefined ? null : Number(match[1]);
}
