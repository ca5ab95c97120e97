import { GraphQLError } from 'graphql';
import type { OrderLineChangeInput, OrderLineInput, Resolvers } from '../../__generated__/resolvers-types.js';
import { isUnknownOutcome } from '../../upstream/errors.js';
import {
  createOrder,
  listOrders,
  updateOrder,
  type OrderLineInput as UpstreamLine,
  type OrderWriteResult,
} from '../../upstream/bigcommerce-rest/orders.js';
import type { VariantRecord } from '../../upstream/bigcommerce-admin-graphql/client.js';
import type { GatewayContext } from '../context.js';
import { decodeOffset, encodeOffset, globalId } from '../global-id.js';
import type { InventoryLevelModel } from '../models.js';
import { levelsOf, pageSize } from './inventory.js';
import { readAfterWrite } from './read-after-write.js';
import {
  camelCase,
  notFoundError,
  unknownOutcomeError,
  validationError,
  type FieldProblem,
} from './user-errors.js';

function validateLine(
  line: { quantity?: number | null; quantityBackordered?: number | null },
  path: (string | number)[],
  minimum: number,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const quantity = line.quantity ?? null;
  const backordered = line.quantityBackordered ?? null;
  if (quantity !== null && quantity < minimum)
    problems.push({ path: [...path, 'quantity'], message: `must be at least ${minimum}` });
  if (backordered !== null && backordered < 0)
    problems.push({ path: [...path, 'quantityBackordered'], message: 'must not be negative' });
  if (backordered !== null && quantity !== null && backordered > quantity) {
    problems.push({
      path: [...path, 'quantityBackordered'],
      message: `must not exceed quantity (${quantity})`,
    });
  }
  return problems;
}

function toUpstreamLine(line: OrderLineInput | OrderLineChangeInput): UpstreamLine {
  const entry: Record<string, number> = {};
  if ('lineId' in line && line.lineId !== null && line.lineId !== undefined) entry['id'] = line.lineId;
  if (line.productId !== null && line.productId !== undefined) entry['product_id'] = line.productId;
  if (line.variantId !== null && line.variantId !== undefined) entry['variant_id'] = line.variantId;
  if (line.quantity !== null && line.quantity !== undefined) entry['quantity'] = line.quantity;
  if (line.quantityBackordered !== null && line.quantityBackordered !== undefined)
    entry['quantity_backordered'] = line.quantityBackordered;
  return entry;
}

/** Maps V2 paths (`products.2.quantity_backordered`) onto input paths (`input.lines.2.quantityBackordered`). */
function fieldProblems(fields: Readonly<Record<string, string>>, message: string): FieldProblem[] {
  const problems = Object.entries(fields).map(([key, reason]) => {
    const match = /^products\.(\d+)(?:\.(.+))?$/.exec(key);
    if (match?.[1] === undefined)
      return { path: ['input', ...key.split('.').map(camelCase)], message: reason };
    return {
      path: ['input', 'lines', match[1], ...(match[2] === undefined ? [] : [camelCase(match[2])])],
      message: reason,
    };
  });
  return problems.length > 0 ? problems : [{ path: ['input'], message }];
}

async function readVariants(
  context: GatewayContext,
  variantIds: readonly number[],
): Promise<InventoryLevelModel[]> {
  return readAfterWrite(context, async () => {
    const items = await context.loaders.inventoryByVariantId.loadMany([...new Set(variantIds)]);
    return items.flatMap((item) => (item === null || item instanceof Error ? [] : levelsOf(item)));
  });
}

async function settle<T>(
  result: Exclude<OrderWriteResult, { kind: 'not-found' }>,
  requested: ReadonlyMap<number, number>,
  success: (order: Extract<OrderWriteResult, { ok: true }>['order']) => Promise<T>,
) {
  if (result.ok) return success(result.order);
  if (result.kind === 'invalid')
    return validationError(
      `The store refused the order: ${result.message}`,
      fieldProblems(result.fields, result.message),
    );
  return {
    __typename: 'OutOfStockError' as const,
    message: 'The order asks for more than stock plus backorder allowance; nothing was changed.',
    lines: result.entries.map((entry) => ({ ...entry, requested: requested.get(entry.variantId) ?? 0 })),
  };
}

function requestedByVariant(
  lines: readonly { variantId?: number | null | undefined; quantity?: number | null | undefined }[],
): Map<number, number> {
  const requested = new Map<number, number>();
  for (const line of lines) {
    if (line.variantId === null || line.variantId === undefined) continue;
    requested.set(line.variantId, (requested.get(line.variantId) ?? 0) + (line.quantity ?? 0));
  }
  return requested;
}

export const orderResolvers: Resolvers = {
  Query: {
    order: (_, args, context) => context.loaders.orderById.load(args.entityId),
    orders: async (_, args, context) => {
      const first = pageSize(args.first, 50, 250, 'first');
      const offset = decodeOffset(args.after);
      if (offset === null || offset % first !== 0) {
        throw new GraphQLError('after is not a cursor this API issued for this page size', {
          extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
        });
      }
      const orders = await listOrders(
        context.upstream.transport,
        { page: offset / first + 1, limit: first },
        context.signal,
      );
      for (const order of orders) context.loaders.orderById.prime(order.id, order);
      return {
        edges: orders.map((node, index) => ({ cursor: encodeOffset(offset + index + 1), node })),
        pageInfo: {
          hasNextPage: orders.length === first,
          hasPreviousPage: offset > 0,
          startCursor: orders.length === 0 ? null : encodeOffset(offset + 1),
          endCursor: orders.length === 0 ? null : encodeOffset(offset + orders.length),
        },
      };
    },
  },
  Mutation: {
    createOrder: async (_, { input }, context) => {
      const problems: FieldProblem[] = input.lines.flatMap((line, index) =>
        validateLine(line, ['input', 'lines', index], 1),
      );
      if (input.lines.length === 0)
        problems.push({ path: ['input', 'lines'], message: 'give at least one line' });
      if (input.billingAddress.zip.length < 2)
        problems.push({ path: ['input', 'billingAddress', 'zip'], message: 'must be at least 2 characters' });
      if (problems.length > 0)
        return validationError('The order was refused; nothing was changed.', problems);
      const address = input.billingAddress;
      const billing: Record<string, string> = { zip: address.zip };
      for (const [field, key] of [
        ['firstName', 'first_name'],
        ['lastName', 'last_name'],
        ['street1', 'street_1'],
        ['city', 'city'],
        ['state', 'state'],
        ['country', 'country'],
        ['countryIso2', 'country_iso2'],
        ['email', 'email'],
      ] as const) {
        const value = address[field];
        if (value !== null && value !== undefined) billing[key] = value;
      }
      const body = {
        billing_address: billing,
        products: input.lines.map(toUpstreamLine),
        ...(input.customerId === null || input.customerId === undefined
          ? {}
          : { customer_id: input.customerId }),
        ...(input.statusId === null || input.statusId === undefined ? {} : { status_id: input.statusId }),
      };
      let result: OrderWriteResult;
      try {
        result = await createOrder(context.upstream.transport, body, context.signal);
      } catch (error) {
        if (isUnknownOutcome(error)) return unknownOutcomeError('order creation');
        throw error;
      }
      if (!result.ok && result.kind === 'not-found') throw new Error('POST /v2/orders answered 404');
      return settle(result, requestedByVariant(input.lines), async (order) => {
        context.loaders.orderById.prime(order.id, order);
        const lines = await context.loaders.orderLinesByOrderId.load(order.id);
        return {
          __typename: 'OrderCreated' as const,
          order,
          items: await readVariants(
            context,
            lines.map((line) => line.variantId),
          ),
        };
      });
    },

    updateOrder: async (_, { input }, context) => {
      const lines = input.lines ?? [];
      const problems: FieldProblem[] = lines.flatMap((line, index) => {
        const path = ['input', 'lines', index];
        const hasLine = line.lineId !== null && line.lineId !== undefined;
        const hasProduct = line.productId !== null && line.productId !== undefined;
        const own: FieldProblem[] = [];
        if (hasLine === hasProduct)
          own.push({ path, message: 'name an existing line by lineId or a new line by productId' });
        if (hasProduct && (line.quantity === null || line.quantity === undefined))
          own.push({ path: [...path, 'quantity'], message: 'a new line needs a quantity' });
        return [...own, ...validateLine(line, path, hasLine ? 0 : 1)];
      });
      if (problems.length > 0)
        return validationError('The order change was refused; nothing was changed.', problems);
      const before = await context.loaders.orderLinesByOrderId.load(input.orderId).catch(() => []);
      const body = {
        ...(input.statusId === null || input.statusId === undefined ? {} : { status_id: input.statusId }),
        ...(lines.length === 0 ? {} : { products: lines.map(toUpstreamLine) }),
      };
      let result: OrderWriteResult;
      try {
        result = await updateOrder(context.upstream.transport, input.orderId, body, context.signal);
      } catch (error) {
        if (isUnknownOutcome(error)) return unknownOutcomeError('order update');
        throw error;
      }
      if (!result.ok && result.kind === 'not-found')
        return notFoundError(`Order ${input.orderId} does not exist; nothing was changed.`, [input.orderId]);
      const variantOfLine = new Map(before.map((line) => [line.id, line.variantId]));
      const requested = requestedByVariant(
        lines.map((line) => ({
          variantId:
            line.variantId ??
            (line.lineId === null || line.lineId === undefined ? null : variantOfLine.get(line.lineId)),
          quantity: line.quantity ?? null,
        })),
      );
      return settle(result, requested, async (order) => {
        context.loaders.orderLinesByOrderId.clear(order.id);
        context.loaders.orderById.clear(order.id).prime(order.id, order);
        const after = await context.loaders.orderLinesByOrderId.load(order.id);
        return {
          __typename: 'OrderUpdated' as const,
          order,
          items: await readVariants(
            context,
            [...before, ...after].map((line) => line.variantId),
          ),
        };
      });
    },
  },
  Order: {
    id: (order) => globalId.order(order.id),
    entityId: (order) => order.id,
    createdAt: (order) => order.dateCreated,
    lines: (order, _, context) => context.loaders.orderLinesByOrderId.load(order.id),
    quantityBackordered: async (order, _, context) =>
      (await context.loaders.orderLinesByOrderId.load(order.id)).reduce(
        (sum, line) => sum + line.quantityBackordered,
        0,
      ),
  },
  OrderLine: {
    id: (line) => globalId.orderLine(line.orderId, line.id),
    entityId: (line) => line.id,
    quantityFromStock: (line) => line.quantity - line.quantityBackordered,
    variant: (line): VariantRecord | null =>
      line.variantId === 0 ? null : { entityId: line.variantId, productId: line.productId, sku: line.sku },
  },
  OutOfStockLine: {
    variant: (line, _, context) => context.loaders.variant(line.variantId),
    location: async (line, _, context) =>
      (await context.loaders.locations()).find((location) => location.id === line.locationId) ?? null,
  },
};
