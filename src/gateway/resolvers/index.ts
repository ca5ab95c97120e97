import type { Resolvers } from '../../__generated__/resolvers-types.js';
import { backorderResolvers } from './backorders.js';
import { eventResolvers } from './events.js';
import { inventoryMutationResolvers } from './inventory-mutations.js';
import { inventoryResolvers } from './inventory.js';
import { nodeResolvers } from './node.js';
import { orderResolvers } from './orders.js';

export const resolvers: Resolvers[] = [
  nodeResolvers,
  inventoryResolvers,
  inventoryMutationResolvers,
  backorderResolvers,
  orderResolvers,
  eventResolvers,
];
