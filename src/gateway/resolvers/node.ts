import type { Resolvers } from '../../__generated__/resolvers-types.js';
import type { GatewayContext } from '../context.js';
import { parseGlobalId } from '../global-id.js';
import { levelsOf } from './inventory.js';

async function loadNode(context: GatewayContext, id: string) {
  const parsed = parseGlobalId(id);
  if (parsed === null) return null;
  switch (parsed.type) {
    case 'Product':
      return context.loaders.product(parsed.id);
    case 'Variant':
      return context.loaders.variant(parsed.id);
    case 'Location':
      return (await context.loaders.locations()).find((location) => location.id === parsed.id) ?? null;
    case 'Order':
      return context.loaders.orderById.load(parsed.id);
    case 'OrderLine':
      return (
        (await context.loaders.orderLinesByOrderId.load(parsed.orderId)).find(
          (line) => line.id === parsed.lineId,
        ) ?? null
      );
    case 'InventoryItem': {
      const item = await context.loaders.inventoryByVariantId.load(parsed.variantId);
      return item?.productId === parsed.productId ? item : null;
    }
    case 'InventoryLevel': {
      const item = await context.loaders.inventoryByVariantId.load(parsed.variantId);
      if (item?.productId !== parsed.productId) return null;
      return levelsOf(item, [parsed.locationId])[0] ?? null;
    }
  }
}

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_, args, context) => loadNode(context, args.id),
    nodes: (_, args, context) => Promise.all(args.ids.map((id) => loadNode(context, id))),
  },
  Node: {
    // Parents are upstream records without a type tag; their shapes tell them apart.
    __resolveType: (parent) => {
      if ('stock' in parent) return 'InventoryLevel';
      if ('locations' in parent) return 'InventoryItem';
      if ('statusId' in parent) return 'Order';
      if ('orderId' in parent) return 'OrderLine';
      if ('code' in parent) return 'Location';
      if ('productId' in parent) return 'Variant';
      return 'Product';
    },
  },
};
