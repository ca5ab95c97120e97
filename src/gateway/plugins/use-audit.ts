import { GraphQLError, defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import type { Logger } from '../logger.js';

export interface AuditOptions {
  /** Where the audit lines go (`info` level, message `audit`). */
  readonly logger: Logger;
}

/** Fields of a mutation input that name what it touches. */
const ID_FIELDS = ['variantId', 'productId', 'sku', 'locationId', 'orderId', 'lineId'] as const;
/** At most this many values of each id field are listed; `itemCount` gives the whole size. */
const MAX_IDS = 100;

function collectIds(input: unknown): Record<string, (string | number)[] | number> {
  const ids: Record<string, Set<string | number>> = {};
  let itemCount = 0;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      itemCount += value.filter((entry) => typeof entry === 'object' && entry !== null).length;
      for (const entry of value) visit(entry);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, entry] of Object.entries(value)) {
      if (
        (ID_FIELDS as readonly string[]).includes(key) &&
        (typeof entry === 'number' || typeof entry === 'string')
      )
        (ids[`${key}s`] ??= new Set()).add(entry);
      else visit(entry);
    }
  };
  visit(input);
  return {
    ...Object.fromEntries(Object.entries(ids).map(([key, set]) => [key, [...set].slice(0, MAX_IDS)])),
    itemCount,
  };
}

const wrapped = new WeakSet<object>();

/**
 * One JSON line per mutation field executed: who (token subject, API key name, or anonymous), the operation
 * name, the field, the ids of what the input names (variants, products, SKUs, locations, orders, lines), and the
 * outcome (the result's `__typename`, whatever the client selected, or `error` with its code). The mutation
 * resolvers are wrapped once, when the schema is set, as envelop's own resolver hooks do.
 */
export function useAudit({ logger }: AuditOptions): Plugin {
  const wrap = (schema: GraphQLSchema) => {
    const mutation = schema.getMutationType();
    if (mutation === null || mutation === undefined) return;
    for (const field of Object.values(mutation.getFields())) {
      if (wrapped.has(field)) continue;
      wrapped.add(field);
      const resolve: GraphQLFieldResolver<unknown, GatewayContext> = field.resolve ?? defaultFieldResolver;
      const audited: GraphQLFieldResolver<unknown, GatewayContext> = async (source, args, context, info) => {
        const { viewer } = context;
        const line = {
          audit: 'mutation',
          actor:
            viewer.kind === 'anonymous' ? 'anonymous' : `${viewer.kind}:${viewer.subject ?? '(no subject)'}`,
          operation: info.operation.name?.value ?? null,
          field: info.fieldName,
          ...collectIds((args as Record<string, unknown>)['input']),
        };
        try {
          const result: unknown = await resolve(source, args, context, info);
          const typename =
            typeof result === 'object' && result !== null && '__typename' in result
              ? result.__typename
              : null;
          logger.info('audit', { ...line, outcome: typeof typename === 'string' ? typename : 'unknown' });
          return result;
        } catch (error) {
          const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
          logger.info('audit', {
            ...line,
            outcome: 'error',
            error: typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown',
          });
          throw error;
        }
      };
      field.resolve = audited as GraphQLFieldResolver<unknown, unknown>;
    }
  };
  return {
    onSchemaChange({ schema }) {
      wrap(schema as GraphQLSchema);
    },
  };
}
