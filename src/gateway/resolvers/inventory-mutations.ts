import type {
  InventoryAdjustmentItem,
  InventorySettingInput,
  Resolvers,
} from '../../__generated__/resolvers-types.js';
import {
  MAX_WRITE_ITEMS,
  updateLocationSettings,
  type AdjustmentItem,
  type SettingEntry,
} from '../../upstream/bigcommerce-rest/inventory.js';
import type { GatewayContext } from '../context.js';
import type { InventoryLevelModel } from '../models.js';
import { levelKey } from '../events/event-bus.js';
import { levelsOf } from './inventory.js';
import { readAfterWrite } from './read-after-write.js';
import { childFields } from '../selection.js';
import {
  camelCase,
  isMissingMessage,
  notFoundError,
  unknownOutcomeError,
  validationError,
  type FieldProblem,
} from './user-errors.js';

/** Most items one `adjustInventory` accepts; the gateway sends them in calls of 2,000. */
export const MAX_ADJUSTMENT_ITEMS = 5 * MAX_WRITE_ITEMS;
const MAX_QUANTITY = 2_147_483_647;

type Identity = {
  readonly variantId?: number | null;
  readonly sku?: string | null;
  readonly productId?: number | null;
};

/** Checks that exactly one identity is named; returns the problem or the upstream identity. */
function readIdentity(
  entry: Identity,
  path: readonly (string | number)[],
): FieldProblem | { variant_id: number } | { sku: string } | { product_id: number } {
  const named = [
    entry.variantId === null || entry.variantId === undefined ? null : { variant_id: entry.variantId },
    entry.sku === null || entry.sku === undefined ? null : { sku: entry.sku },
    entry.productId === null || entry.productId === undefined ? null : { product_id: entry.productId },
  ].filter((identity) => identity !== null);
  if (named.length !== 1 || named[0] === undefined) {
    return { path, message: `name exactly one of variantId, sku or productId (got ${named.length})` };
  }
  return named[0];
}

/** Reads the state of written items after the write, one level per (item, location). */
async function readBack(
  context: GatewayContext,
  targets: readonly (Identity & { readonly locationId: number })[],
): Promise<InventoryLevelModel[]> {
  return readAfterWrite(context, async () => {
    const levels = new Map<string, InventoryLevelModel>();
    const items = await Promise.all(
      targets.map((target) => {
        if (target.variantId !== null && target.variantId !== undefined)
          return context.loaders.inventoryByVariantId.load(target.variantId);
        if (target.sku !== null && target.sku !== undefined)
          return context.loaders.inventoryBySku.load(target.sku);
        return context.loaders.inventoryByProductId.load(target.productId ?? 0);
      }),
    );
    items.forEach((item, index) => {
      const target = targets[index];
      if (item === null || target === undefined) return;
      for (const level of levelsOf(item, [target.locationId])) {
        levels.set(levelKey(level.item, level.stock.locationId), level);
      }
    });
    return [...levels.values()];
  });
}

function validateAdjustment(items: readonly InventoryAdjustmentItem[], absolute: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (items.length === 0) problems.push({ path: ['input', 'items'], message: 'give at least one item' });
  if (items.length > MAX_ADJUSTMENT_ITEMS)
    problems.push({
      path: ['input', 'items'],
      message: `at most ${MAX_ADJUSTMENT_ITEMS} items, got ${items.length}`,
    });
  items.forEach((item, index) => {
    const path = ['input', 'items', index];
    const identity = readIdentity(item, path);
    if ('message' in identity) problems.push(identity);
    if (item.locationId < 1)
      problems.push({ path: [...path, 'locationId'], message: 'must be a positive location id' });
    const quantity = item.quantity ?? null;
    const backordered = item.qtyBackordered ?? null;
    if (quantity === null && backordered === null)
      problems.push({ path, message: 'set quantity, qtyBackordered or both' });
    if (absolute) {
      if (quantity !== null && (quantity < 0 || quantity > MAX_QUANTITY))
        problems.push({ path: [...path, 'quantity'], message: `must be between 0 and ${MAX_QUANTITY}` });
      if (backordered !== null && backordered < 0)
        problems.push({ path: [...path, 'qtyBackordered'], message: 'must not be negative' });
    }
  });
  return problems;
}

function toUpstreamItem(item: InventoryAdjustmentItem): AdjustmentItem {
  return {
    location_id: item.locationId,
    ...(item.variantId === null || item.variantId === undefined ? {} : { variant_id: item.variantId }),
    ...(item.sku === null || item.sku === undefined ? {} : { sku: item.sku }),
    ...(item.productId === null || item.productId === undefined ? {} : { product_id: item.productId }),
    ...(item.quantity === null || item.quantity === undefined ? {} : { quantity: item.quantity }),
    ...(item.qtyBackordered === null || item.qtyBackordered === undefined
      ? {}
      : { qty_backordered: item.qtyBackordered }),
  };
}

function identityLabel(item: Identity | undefined): string {
  if (item === undefined) return 'unknown item';
  if (item.variantId !== null && item.variantId !== undefined) return `variantId ${item.variantId}`;
  if (item.sku !== null && item.sku !== undefined) return `sku ${item.sku}`;
  return `productId ${item.productId ?? 0}`;
}

function validateSetting(entry: InventorySettingInput, index: number): FieldProblem[] {
  const path = ['input', 'items', index];
  const problems: FieldProblem[] = [];
  const identity = readIdentity(entry, path);
  if ('message' in identity) problems.push(identity);
  const fields = ['backorderLimit', 'safetyStock', 'isInStock', 'warningLevel', 'binPickingNumber'] as const;
  if (!fields.some((field) => entry[field] !== undefined))
    problems.push({ path, message: `set at least one of ${fields.join(', ')}` });
  for (const field of ['backorderLimit', 'safetyStock', 'warningLevel'] as const) {
    const value = entry[field];
    if (typeof value === 'number' && value < 0)
      problems.push({ path: [...path, field], message: 'must not be negative' });
  }
  for (const field of ['safetyStock', 'warningLevel', 'isInStock', 'binPickingNumber'] as const) {
    if (entry[field] === null) problems.push({ path: [...path, field], message: 'cannot be null' });
  }
  return problems;
}

function toSettingEntry(entry: InventorySettingInput): SettingEntry {
  const identity = readIdentity(entry, []);
  return {
    identity: 'message' in identity ? {} : identity,
    ...(entry.backorderLimit === undefined ? {} : { backorder_limit: entry.backorderLimit }),
    ...(entry.safetyStock === undefined || entry.safetyStock === null
      ? {}
      : { safety_stock: entry.safetyStock }),
    ...(entry.isInStock === undefined || entry.isInStock === null ? {} : { is_in_stock: entry.isInStock }),
    ...(entry.warningLevel === undefined || entry.warningLevel === null
      ? {}
      : { warning_level: entry.warningLevel }),
    ...(entry.binPickingNumber === undefined || entry.binPickingNumber === null
      ? {}
      : { bin_picking_number: entry.binPickingNumber }),
  };
}

export const inventoryMutationResolvers: Resolvers = {
  Mutation: {
    adjustInventory: async (_, { input }, context, info) => {
      const absolute = input.mode === 'ABSOLUTE';
      const problems = validateAdjustment(input.items, absolute);
      if (problems.length > 0)
        return validationError('The adjustment was refused; nothing was changed.', problems);
      const result = await context.coalescer.submit(
        absolute ? 'absolute' : 'relative',
        input.reason ?? undefined,
        input.items.map(toUpstreamItem),
      );
      if (!result.ok) {
        const applied =
          result.appliedCalls > 0
            ? ` The first ${result.appliedCalls * MAX_WRITE_ITEMS} items were applied before this.`
            : '';
        if (result.kind === 'unknown-outcome')
          return {
            ...unknownOutcomeError(result.operation),
            message: `${unknownOutcomeError(result.operation).message}${applied}`,
          };
        if (result.problems.every((problem) => problem.index !== null && isMissingMessage(problem.message))) {
          return notFoundError(
            `The store does not know these items or locations; nothing was changed.${applied}`,
            result.problems.map((problem) => {
              const item = input.items[problem.index ?? 0];
              return problem.field === 'location_id'
                ? `location ${item?.locationId ?? 0}`
                : identityLabel(item);
            }),
          );
        }
        return validationError(
          `The store refused the adjustment: ${result.title}${applied}`,
          result.problems.map((problem) => ({
            path:
              problem.index === null
                ? ['input', 'items']
                : [
                    'input',
                    'items',
                    problem.index,
                    ...(problem.field === null ? [] : [camelCase(problem.field)]),
                  ],
            message: problem.message,
          })),
        );
      }
      // The read-back always runs, merged with those of concurrent writes, and publishes what it read; only a
      // client that selects the post-write state waits for it: the others are answered after the write alone.
      const levels = context.coalescer.readBack(input.items);
      const selectsState = childFields(info, info.fieldNodes, 'items').length > 0;
      if (!selectsState) levels.catch(() => undefined);
      return {
        __typename: 'InventoryAdjusted' as const,
        transactionIds: [...result.transactionIds],
        items: selectsState ? await levels : [],
      };
    },

    updateInventorySettings: async (_, { input }, context) => {
      const problems = input.items.flatMap(validateSetting);
      if (input.items.length === 0)
        problems.push({ path: ['input', 'items'], message: 'give at least one item' });
      if (problems.length > 0)
        return validationError('The settings were refused; nothing was changed.', problems);
      // Unknown locations are found before anything is written, so a bad location changes nothing anywhere.
      const known = new Set((await context.loaders.locations()).map((location) => location.id));
      const unknown = [...new Set(input.items.map((item) => item.locationId).filter((id) => !known.has(id)))];
      if (unknown.length > 0)
        return notFoundError(
          'These locations do not exist; nothing was changed.',
          unknown.map((id) => `location ${id}`),
        );
      const byLocation = new Map<number, number[]>();
      input.items.forEach((item, index) =>
        byLocation.set(item.locationId, [...(byLocation.get(item.locationId) ?? []), index]),
      );
      const chunks = [...byLocation.entries()].flatMap(([locationId, indexes]) => {
        const list = [];
        for (let i = 0; i < indexes.length; i += MAX_WRITE_ITEMS)
          list.push({ locationId, indexes: indexes.slice(i, i + MAX_WRITE_ITEMS) });
        return list;
      });
      const results = await Promise.all(
        chunks.map((chunk) =>
          updateLocationSettings(
            context.upstream.transport,
            chunk.locationId,
            chunk.indexes.map((index) => toSettingEntry(input.items[index] as InventorySettingInput)),
            context.signal,
          ),
        ),
      );
      const refused: FieldProblem[] = [];
      let missing = true;
      results.forEach((result, chunkIndex) => {
        if (result.ok) return;
        const indexes = chunks[chunkIndex]?.indexes ?? [];
        for (const [key, message] of Object.entries(result.errors)) {
          const match = /^settings?\.(\d+)\.?(.*)$/.exec(key);
          const index = match?.[1] === undefined ? undefined : indexes[Number(match[1])];
          const field = match?.[2] ?? '';
          missing &&= isMissingMessage(message);
          refused.push({
            path:
              index === undefined
                ? ['input', 'items']
                : [
                    'input',
                    'items',
                    index,
                    ...(field === '' || field === 'settings' || field === 'identity'
                      ? []
                      : [camelCase(field)]),
                  ],
            message,
          });
        }
        if (Object.keys(result.errors).length === 0) {
          missing = false;
          refused.push({ path: ['input', 'items'], message: result.title });
        }
      });
      if (refused.length > 0) {
        const partial = results.some((result) => result.ok)
          ? ' Settings at other locations were applied.'
          : '';
        if (missing)
          return notFoundError(
            `The store does not know these items.${partial}`,
            refused.map((problem) => problem.message),
          );
        return validationError(`The store refused the settings.${partial}`, refused);
      }
      return { __typename: 'InventorySettingsUpdated' as const, items: await readBack(context, input.items) };
    },
  },
};
