import type { Resolvers } from '../../__generated__/resolvers-types.js';
import { MAX_READ_PAGE, listAllInventoryItems } from '../../upstream/bigcommerce-rest/inventory.js';
import type { LocationBackordersModel } from '../models.js';
import { levelsOf } from './inventory.js';

export const backorderResolvers: Resolvers = {
  Query: {
    // REST V3 cannot filter by qty_backordered, so every item page is read (in parallel after the first) and
    // filtered here; locations come with the items, so no locations call is needed.
    backorders: async (_, args, context) => {
      const locationIds = args.locationIds ?? undefined;
      const items = await listAllInventoryItems(
        context.upstream.transport,
        locationIds === undefined ? {} : { locationIds },
        MAX_READ_PAGE,
        context.signal,
      );
      const byLocation = new Map<
        number,
        LocationBackordersModel & { items: LocationBackordersModel['items'][number][] }
      >();
      for (const item of items) {
        for (const level of levelsOf(item, locationIds)) {
          if (level.stock.qtyBackordered <= 0) continue;
          const { stock } = level;
          let group = byLocation.get(stock.locationId);
          if (group === undefined) {
            group = {
              location: {
                id: stock.locationId,
                code: stock.locationCode,
                label: stock.locationName,
                enabled: stock.locationEnabled,
              },
              items: [],
            };
            byLocation.set(stock.locationId, group);
          }
          group.items.push(level);
        }
      }
      return [...byLocation.values()]
        .sort((a, b) => a.location.id - b.location.id)
        .map((group) => ({
          ...group,
          items: group.items.sort((a, b) => b.stock.qtyBackordered - a.stock.qtyBackordered),
        }));
    },
  },
  LocationBackorders: {
    totalQtyBackordered: (group) => group.items.reduce((sum, level) => sum + level.stock.qtyBackordered, 0),
  },
};
