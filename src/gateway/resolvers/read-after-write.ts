import type { GatewayContext } from '../context.js';
import type { InventoryLevelModel } from '../models.js';

/**
 * Reads inventory right after a write, from cleared loaders, and publishes what it read: subscribers see the write
 * at once, and the store's webhook for it later finds nothing new. `read` runs after the read time is taken, so a
 * webhook read-back that started earlier can never override these figures.
 */
export async function readAfterWrite(
  context: GatewayContext,
  read: () => Promise<InventoryLevelModel[]>,
): Promise<InventoryLevelModel[]> {
  context.loaders.forgetInventory();
  const readAt = Date.now();
  const levels = await read();
  await context.live.inventoryEvents.observeLevels(levels, readAt);
  return levels;
}
