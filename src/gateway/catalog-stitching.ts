/**
 * The store's catalog (BigCommerce Admin GraphQL: names, descriptions, images, custom fields, SEO, URL, options and
 * their per-locale overrides) stitched onto the gateway's own `Product` and `Variant`.
 *
 * How (with @graphql-tools/stitch, /delegate, /batch-delegate and /wrap; no hand-written delegation):
 *
 * - The gateway's own schema (`schema/*.graphql` and its resolvers) is stitched as local type definitions, so its
 *   fields run exactly as before, with no delegation. The store's schema is one subschema, driven entirely by the
 *   `GraphQLSchema` it is given (introspected at start, or passed in `GatewayOptions.remoteSchema`).
 * - That subschema is transformed before stitching: its `Product` and `Variant` keep their names and merge with the
 *   gateway's (by id: `Product:77` has `entityId: 77`, the store's id is `bc/store/product/77`), minus the fields
 *   the gateway already serves (`id`, `inventory`, `variants`, ...); every other type of the store is renamed with
 *   the prefix `Catalog` (`CatalogProductImage`, `CatalogPageInfo`, ...) so nothing collides with the gateway's
 *   `PageInfo`, `Location` or `Node`; its root fields are renamed `_catalog_*` for delegation and removed from the
 *   public schema with every type only they reach (the store's mutations among them).
 * - The merged-type resolver batch-delegates to `nodes(ids:)`: all the products (or variants) of one level that
 *   select store fields cost one Admin GraphQL call per 50 ids, fewer when the selection is expensive (chunks are
 *   sized so that each call's estimated complexity stays under 9,000 of BigCommerce's 10,000), chunks sent in
 *   parallel. It makes no call when nothing the store serves is missing (a selection of `__typename` only).
 *   Stitching completes what the gateway's own fields return when their type is merged (`Product`, `Variant`);
 *   `node` and `nodes` return the `Node` interface, so `withTypenames` tags their products and variants with
 *   their `__typename` and `Node` is listed in `mergeTypes`.
 * - The products page rides: `Query.products` makes an Admin GraphQL call for the page anyway, so it asks
 *   `catalogSelection()` for the store fields its nodes select (translated to the store's names, the client's
 *   variables passed along), adds them to that same call (`store.products`) and copies them onto each product record,
 *   marked `RODE_ALONG`. Stitching then finds them present (`getMissingSelections`); where it still reports a field
 *   missing (it counts a null nested object as missing), the merged-type resolver sees the mark and answers from the
 *   record without a call. A selection that cannot ride (aliases or repeated fields the records could not tell
 *   apart, abstract store types, a page over the complexity budget) is left out, and the merged-type resolver fetches
 *   it as above. `stitchSchemas` alone cannot do this: it resolves merged fields only after the page has resolved.
 * - Scopes and cost: store fields hang below `Product` and `Variant`, whose `@requiresScopes` covers them
 *   (`inventory:read`). `@upstream(batchSize: 50)` is added to the merged fields and `@listSize` to every store
 *   field with a `first` argument (sized by it, and `edges` sized with it), so the operation cost estimate and its
 *   limits count them like the gateway's own.
 */
import { batchDelegateToSchema } from '@graphql-tools/batch-delegate';
import type { MergedTypeConfig, SubschemaConfig } from '@graphql-tools/delegate';
import { mergeResolvers } from '@graphql-tools/merge';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { stitchSchemas } from '@graphql-tools/stitch';
import {
  MapperKind,
  filterSchema,
  mapSchema,
  pruneSchema,
  type ExecutionRequest,
  type ExecutionResult,
} from '@graphql-tools/utils';
import { FilterObjectFields, RenameRootFields, RenameTypes } from '@graphql-tools/wrap';
import {
  GraphQLList,
  GraphQLObjectType,
  Kind,
  valueFromASTUntyped,
  getNamedType,
  isAbstractType,
  isObjectType,
  print,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type TypeNode,
} from 'graphql';
import { Reader } from '../upstream/guards.js';
import type { GatewayContext } from './context.js';

/** Prefix of the store's types in the public schema. */
export const CATALOG_TYPE_PREFIX = 'Catalog';
/** Prefix of the store's root fields inside the stitching layer (never public). */
const ROOT_FIELD_PREFIX = '_catalog_';
/** Admin GraphQL: the most ids per `nodes` call (Part A 8). */
const MAX_IDS_PER_CALL = 50;
/** Headroom under Admin GraphQL's complexity limit of 10,000. */
const COMPLEXITY_BUDGET = 9_000;
/** Page size assumed for a store connection without `first` (Admin GraphQL's default). */
const DEFAULT_REMOTE_PAGE = 10;
/** The largest page an Admin GraphQL connection returns (`first` up to 50); larger ones are refused up front. */
const MAX_REMOTE_PAGE = 50;

/** The gateway's types that merge with the store's, with the id prefix of the store's objects of that type. */
const MERGED_TYPES = {
  Product: { remoteId: 'bc/store/product/' },
  Variant: { remoteId: 'bc/store/productVariant/' },
} as const;
type MergedTypeName = keyof typeof MERGED_TYPES;

export interface CatalogStitchingOptions {
  /** The store's Admin GraphQL schema (introspected, or a committed snapshot). */
  readonly remoteSchema: GraphQLSchema;
  /** The gateway's own schema, `schema/*.graphql`. */
  readonly typeDefs: readonly string[];
  /** The gateway's own resolvers (one map, or several merged in order). */
  readonly resolvers: Readonly<Record<string, unknown>> | readonly Readonly<Record<string, unknown>>[];
}

/** `Catalog`-prefixed names of the store's types, except the merged ones and the built-in scalars. */
function publicTypeName(remoteName: string): string {
  if (remoteName in MERGED_TYPES || BUILT_IN_SCALARS.has(remoteName)) return remoteName;
  return `${CATALOG_TYPE_PREFIX}${remoteName}`;
}

const BUILT_IN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

/**
 * Names a delegated document as the gateway's (it arrives anonymous or with the client's operation name), so the
 * store's logs and limits see which gateway call it is.
 */
function named(document: DocumentNode, name: string): DocumentNode {
  return visit(document, {
    OperationDefinition: (operation): OperationDefinitionNode => ({
      ...operation,
      name: { kind: Kind.NAME, value: name },
    }),
  });
}

/** Sends a delegated request through the request's own (budgeted, cancellable) transport. */
async function executeRemote(request: ExecutionRequest): Promise<ExecutionResult> {
  const context = request.context as GatewayContext | undefined;
  if (context === undefined) throw new Error('A catalog delegation ran without the gateway context');
  const response = await context.upstream.transport.request({
    method: 'POST',
    path: '/graphql',
    body: {
      query: print(named(request.document, 'GatewayCatalogFields')),
      variables: (request.variables ?? {}) as Record<string, unknown>,
      operationName: 'GatewayCatalogFields',
    },
    idempotent: true,
    signal: context.signal,
  });
  const reader = new Reader('Admin GraphQL GatewayCatalogFields');
  const body = reader.record(response.body);
  const data = body['data'];
  const errors = body['errors'];
  // The stitching layer places the store's errors at the fields they concern; yoga masks their text.
  return {
    data: data === null || data === undefined ? null : reader.field(body, 'data', (r, v) => r.record(v)),
    ...(Array.isArray(errors) ? { errors: errors as NonNullable<ExecutionResult['errors']> } : {}),
  };
}

/**
 * Estimated Admin GraphQL complexity of one object's selection, as BigCommerce counts it: every field 1, and a
 * connection (`first`) multiplies what it selects by its page size.
 */
export function selectionComplexity(
  selectionSet: SelectionSetNode | undefined,
  variables: Readonly<Record<string, unknown>>,
  fragments: GraphQLResolveInfo['fragments'] = {},
): number {
  let cost = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      cost += selectionComplexity(selection.selectionSet, variables, fragments);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      cost += selectionComplexity(fragments[selection.name.value]?.selectionSet, variables, fragments);
      continue;
    }
    cost += 1;
    if (selection.selectionSet === undefined) continue;
    const first = selection.arguments?.find((argument) => argument.name.value === 'first');
    let size = 1;
    if (first !== undefined) {
      const value = valueFromASTUntyped(first.value, variables);
      size = typeof value === 'number' ? value : DEFAULT_REMOTE_PAGE;
    } else if (selection.name.value === 'edges') size = 1;
    cost += Math.max(1, size) * selectionComplexity(selection.selectionSet, variables, fragments);
  }
  return cost;
}

/** How many objects one `nodes` call may carry with this selection, under the complexity budget. */
export function idsPerCall(perObject: number): number {
  return Math.max(1, Math.min(MAX_IDS_PER_CALL, Math.floor(COMPLEXITY_BUDGET / Math.max(1, perObject + 2))));
}

/** Whether a selection asks the store for anything besides `__typename`. */
/**
 * Whether a selection (as stitching computed it: what the object lacks) asks for any field the store serves on
 * `typeName`; a selection of `__typename`, or of fragments on other types (`node(id:)`), needs no call.
 */
function asksForData(selectionSet: SelectionSetNode, typeName: string, served: ReadonlySet<string>): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return served.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition?.name.value;
      return (
        (condition === undefined || condition === typeName) &&
        asksForData(selection.selectionSet, typeName, served)
      );
    }
    return true;
  });
}

/**
 * Marks a record that carries the store fields listed, fetched with it in the gateway's own call (the products
 * page): its merged-type resolution asks the store for nothing more.
 */
export const RODE_ALONG = Symbol('catalog fields fetched with the record');

/** The fields a selection asks of `typeName`, through inline fragments on it. */
function fieldNamesOf(selectionSet: SelectionSetNode, typeName: string): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition?.name.value;
      return condition === undefined || condition === typeName
        ? fieldNamesOf(selection.selectionSet, typeName)
        : [];
    }
    return [];
  });
}

function mergedTypeConfig(typeName: MergedTypeName): MergedTypeConfig<string, unknown, GatewayContext> {
  const prefix = MERGED_TYPES[typeName].remoteId;
  return {
    selectionSet: '{ entityId }',
    key: ({ entityId }: { entityId: number }) => `${prefix}${entityId}`,
    resolve: (originalResult: unknown, context, info, subschema, selectionSet, key: unknown, type) => {
      const remoteType = subschema.transformedSchema.getType(typeName);
      const merged = info.schema.getType(typeName);
      const served = new Set(isObjectType(remoteType) ? Object.keys(remoteType.getFields()) : []);
      if (!asksForData(selectionSet, typeName, served)) return originalResult;
      // Stitching also reports fields whose nested objects are null as missing: those that rode are complete.
      const rode = (originalResult as { [RODE_ALONG]?: ReadonlySet<string> } | null)?.[RODE_ALONG];
      if (
        rode !== undefined &&
        fieldNamesOf(selectionSet, typeName).every((f) => rode.has(f) || !served.has(f))
      )
        return {};
      const perObject = selectionComplexity(selectionSet, info.variableValues, info.fragments);
      const resolved: unknown = batchDelegateToSchema<GatewayContext, string, unknown>({
        schema: subschema,
        operation: 'query' as never,
        fieldName: `${ROOT_FIELD_PREFIX}nodes`,
        // The merged type itself: under `node` and `nodes` stitching hands over the field's type, `Node`.
        returnType: new GraphQLList(isObjectType(merged) ? merged : getNamedType(type)),
        key: key as string,
        argsFromKeys: (ids: readonly string[]) => ({ ids }),
        selectionSet,
        context,
        info,
        skipTypeMerging: true,
        // One loader per selection: its calls carry as many ids as that selection's complexity allows.
        dataLoaderOptions: { maxBatchSize: idsPerCall(perObject) },
      });
      return resolved;
    },
  };
}

/** The store's subschema as the stitching layer sees it (renamed, trimmed, merged by id). */
function catalogSubschema(remote: GraphQLSchema, gatewayFields: ReadonlyMap<string, ReadonlySet<string>>) {
  const config: SubschemaConfig<unknown, unknown, unknown, GatewayContext> = {
    schema: remote,
    executor: executeRemote as NonNullable<
      SubschemaConfig<unknown, unknown, unknown, GatewayContext>['executor']
    >,
    transforms: [
      new RenameTypes(publicTypeName),
      new RenameRootFields((_operation, name) => `${ROOT_FIELD_PREFIX}${name}`),
      // The gateway serves these itself (its own `id`, `inventory`, `variants`, ...): its version wins.
      new FilterObjectFields(
        (typeName, fieldName) =>
          !(typeName !== undefined && typeName in MERGED_TYPES && fieldName !== undefined) ||
          (fieldName !== 'id' && !(gatewayFields.get(typeName)?.has(fieldName) ?? false)),
      ),
    ],
    merge: Object.fromEntries(
      (Object.keys(MERGED_TYPES) as MergedTypeName[])
        .filter((name) => isObjectType(remote.getType(name)))
        .map((name) => [name, mergedTypeConfig(name)]),
    ),
  };
  return config;
}

function directive(
  name: string,
  args: Record<string, string | number | readonly string[]>,
): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: name },
    arguments: Object.entries(args).map(([argName, value]) => ({
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: argName },
      value:
        typeof value === 'number'
          ? { kind: Kind.INT, value: String(value) }
          : typeof value === 'string'
            ? { kind: Kind.STRING, value }
            : { kind: Kind.LIST, values: value.map((item) => ({ kind: Kind.STRING, value: item })) },
    })),
  };
}

function withDirectives(
  field: { astNode?: FieldDefinitionNode | null | undefined },
  name: string,
  directives: readonly ConstDirectiveNode[],
  type: TypeNode,
): FieldDefinitionNode {
  const base: FieldDefinitionNode = field.astNode ?? {
    kind: Kind.FIELD_DEFINITION,
    name: { kind: Kind.NAME, value: name },
    type,
  };
  return { ...base, directives: [...(base.directives ?? []), ...directives] };
}

const NAMED_TYPE_PLACEHOLDER: TypeNode = {
  kind: Kind.NAMED_TYPE,
  name: { kind: Kind.NAME, value: 'String' },
};

/**
 * The gateway's resolvers, with `node` and `nodes` tagging the products and variants they return with their
 * `__typename`, which stitching needs to complete them with the store's fields.
 */
function withTypenames(given: CatalogStitchingOptions['resolvers']): Record<string, unknown> {
  const resolvers: Record<string, unknown> = mergeResolvers(
    (Array.isArray(given) ? given : [given]) as Parameters<typeof mergeResolvers>[0],
  );
  const query = resolvers['Query'];
  const resolveType = (resolvers['Node'] as { __resolveType?: (value: unknown) => unknown } | undefined)
    ?.__resolveType;
  if (typeof query !== 'object' || query === null || resolveType === undefined) return resolvers;
  const tag = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const typename = resolveType(value);
    return typeof typename === 'string' && typename in MERGED_TYPES
      ? { ...value, __typename: typename }
      : value;
  };
  const wrap = (name: string) => {
    const resolve = (query as Record<string, unknown>)[name];
    if (typeof resolve !== 'function') return {};
    return {
      [name]: async (...args: unknown[]) => {
        const result: unknown = await (resolve as (...a: unknown[]) => unknown)(...args);
        return Array.isArray(result) ? result.map(tag) : tag(result);
      },
    };
  };
  return {
    ...resolvers,
    Query: { ...(query as Record<string, unknown>), ...wrap('node'), ...wrap('nodes') },
  };
}

/** Pruning removes the store's types that only its private root fields reach; the gateway's types all stay. */
const onlyCatalogTypes = {
  skipPruning: (type: GraphQLNamedType) => !type.name.startsWith(CATALOG_TYPE_PREFIX),
};

/**
 * Builds the public schema: the gateway's own, plus the store's catalog fields on `Product` and `Variant`. The
 * store's root fields, mutations and the types only they reach are not part of it.
 */
export function stitchCatalog(options: CatalogStitchingOptions): GraphQLSchema {
  const gateway = makeExecutableSchema({ typeDefs: [...options.typeDefs] });
  const gatewayFields: ReadonlyMap<string, ReadonlySet<string>> = new Map(
    (Object.keys(MERGED_TYPES) as MergedTypeName[]).map((name) => {
      const type = gateway.getType(name);
      return [name, new Set(isObjectType(type) ? Object.keys(type.getFields()) : [])];
    }),
  );
  const gatewayRootFields = new Set(
    [gateway.getQueryType(), gateway.getMutationType(), gateway.getSubscriptionType()].flatMap((root) =>
      root === null || root === undefined
        ? []
        : Object.keys(root.getFields()).map((f) => `${root.name}.${f}`),
    ),
  );
  const catalogTypes = new Set(
    Object.keys(options.remoteSchema.getTypeMap())
      .filter((name) => !name.startsWith('__'))
      .map(publicTypeName)
      .filter((name) => name.startsWith(CATALOG_TYPE_PREFIX)),
  );
  const stitched = stitchSchemas<GatewayContext>({
    subschemas: [catalogSubschema(options.remoteSchema, gatewayFields)],
    typeDefs: [...options.typeDefs],
    resolvers: withTypenames(options.resolvers) as never,
    mergeDirectives: true,
    // `node` and `nodes` return the gateway's `Node`: stitching completes what they return like merged objects,
    // from the `__typename` withTypenames gives them.
    mergeTypes: ['Node', ...Object.keys(MERGED_TYPES)],
  });
  const publicOnly = pruneSchema(
    filterSchema({
      schema: stitched,
      rootFieldFilter: (operation, fieldName) => gatewayRootFields.has(`${operation}.${fieldName}`),
    }),
    onlyCatalogTypes,
  );
  // Cost directives for the store's fields (schema/cost.graphql), read by the operation cost estimate.
  const result = pruneSchema(
    mapSchema(publicOnly, {
      // A merged type lists the gateway's fields first and implements the gateway's interfaces only.
      [MapperKind.OBJECT_TYPE]: (type) => {
        if (!(type.name in MERGED_TYPES)) return type;
        const config = type.toConfig();
        const own = gatewayFields.get(type.name) ?? new Set();
        const entries = Object.entries(config.fields);
        return new GraphQLObjectType({
          ...config,
          interfaces: config.interfaces.filter((iface) => !iface.name.startsWith(CATALOG_TYPE_PREFIX)),
          fields: Object.fromEntries([
            ...entries.filter(([name]) => own.has(name)),
            ...entries.filter(([name]) => !own.has(name)),
          ]),
        });
      },
      [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
        const directives: ConstDirectiveNode[] = [];
        const fromCatalog =
          catalogTypes.has(typeName) ||
          (typeName in MERGED_TYPES && !gatewayFields.get(typeName)?.has(fieldName));
        if (!fromCatalog) return fieldConfig;
        const description =
          fieldConfig.description ??
          (typeName in MERGED_TYPES
            ? `From the store's catalog (BigCommerce Admin GraphQL \`${typeName}.${fieldName}\`).`
            : undefined);
        if (typeName in MERGED_TYPES) directives.push(directive('upstream', { batchSize: MAX_IDS_PER_CALL }));
        if (fieldConfig.args?.['first'] !== undefined) {
          const named = getNamedType(fieldConfig.type);
          const sized =
            isObjectType(named) && named.getFields()['edges'] !== undefined
              ? { slicingArguments: ['first'], sizedFields: ['edges'] }
              : { slicingArguments: ['first'] };
          directives.push(
            directive('listSize', { ...sized, assumedSize: DEFAULT_REMOTE_PAGE }),
            directive('maxPage', { size: MAX_REMOTE_PAGE }),
          );
        }
        if (directives.length === 0) return { ...fieldConfig, description };
        return {
          ...fieldConfig,
          description,
          astNode: withDirectives(fieldConfig, fieldName, directives, NAMED_TYPE_PLACEHOLDER),
        };
      },
    }),
    onlyCatalogTypes,
  );
  catalogFieldsBySchema.set(
    result,
    new Map(
      (Object.keys(MERGED_TYPES) as MergedTypeName[]).map((name) => {
        const type = result.getType(name);
        const own = gatewayFields.get(name) ?? new Set();
        return [
          name,
          new Set(isObjectType(type) ? Object.keys(type.getFields()).filter((f) => !own.has(f)) : []),
        ];
      }),
    ),
  );
  return result;
}

/** The store's fields of each merged type, per public schema built by `stitchCatalog`. */
const catalogFieldsBySchema = new WeakMap<GraphQLSchema, ReadonlyMap<string, ReadonlySet<string>>>();

/** The store's fields of a merged type in the public schema (those the gateway does not serve itself). */
export function catalogFieldsOf(schema: GraphQLSchema, typeName: MergedTypeName): ReadonlySet<string> {
  return catalogFieldsBySchema.get(schema)?.get(typeName) ?? new Set();
}

/** Store fields selected below a products page's nodes, ready to add to that page's own Admin GraphQL call. */
export interface CatalogSelection {
  /** Field selections in the store's names, to place inside `node { ... }`. */
  readonly selection: string;
  /** Variable definitions they need, in the store's type names (`$c_locale: LocaleContextInput!`). */
  readonly variableDefinitions: readonly string[];
  readonly variables: Readonly<Record<string, unknown>>;
  /** The store fields it fetches; the product records carry them under these names. */
  readonly fields: readonly string[];
  /** Estimated Admin GraphQL complexity per product. */
  readonly complexity: number;
}

/** Prefix of the client's variables inside the gateway's own upstream documents. */
const VARIABLE_PREFIX = 'c_';

/**
 * The store fields that the `fields` (Product nodes) select, translated to the store's names, when they can ride in
 * the gateway's own call for those products; null when there are none or they cannot ride (see the top of file).
 */
export function catalogSelection(
  info: GraphQLResolveInfo,
  fields: readonly FieldNode[],
): CatalogSelection | null {
  const productType = info.schema.getType('Product');
  if (!isObjectType(productType)) return null;
  const catalogFields = catalogFieldsOf(info.schema, 'Product');
  if (catalogFields.size === 0) return null;
  const selected: FieldNode[] = [];
  const collect = (selections: readonly SelectionNode[], seen: Set<string>): void => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        if (catalogFields.has(selection.name.value)) selected.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet.selections, seen);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        collect(info.fragments[selection.name.value]?.selectionSet.selections ?? [], seen);
      }
    }
  };
  for (const field of fields) collect(field.selectionSet?.selections ?? [], new Set());
  if (selected.length === 0) return null;
  // Records are keyed by field name: two selections of one field (aliases, other arguments) cannot share a record.
  const names = selected.map((field) => field.name.value);
  if (new Set(names).size !== names.length || selected.some((field) => field.alias !== undefined))
    return null;

  const remoteName = (name: string): string =>
    name.startsWith(CATALOG_TYPE_PREFIX) ? name.slice(CATALOG_TYPE_PREFIX.length) : name;
  const variableTypes = new Map(
    (info.operation.variableDefinitions ?? []).map((definition) => [
      definition.variable.name.value,
      definition.type,
    ]),
  );
  const used = new Set<string>();
  let abstract = false;
  const inline = (selectionSet: SelectionSetNode): SelectionSetNode => ({
    ...selectionSet,
    selections: selectionSet.selections.map((selection): SelectionNode => {
      if (selection.kind !== Kind.FRAGMENT_SPREAD) return selection;
      const fragment = info.fragments[selection.name.value];
      if (fragment === undefined) return selection;
      return {
        kind: Kind.INLINE_FRAGMENT,
        typeCondition: fragment.typeCondition,
        selectionSet: inline(fragment.selectionSet),
      };
    }),
  });
  const translated = selected.map((field) => {
    const type = productType.getFields()[field.name.value]?.type;
    if (type === undefined) return '';
    const withFragments: FieldNode =
      field.selectionSet === undefined ? field : { ...field, selectionSet: inline(field.selectionSet) };
    const document = visit(withFragments, {
      Field: (node) => {
        // Client directives (@include, @skip) stay with the client's execution.
        return node.directives !== undefined && node.directives.length > 0
          ? { ...node, directives: [] }
          : undefined;
      },
      NamedType: (node) => ({ ...node, name: { ...node.name, value: remoteName(node.name.value) } }),
      Variable: (node) => {
        used.add(node.name.value);
        return { ...node, name: { ...node.name, value: `${VARIABLE_PREFIX}${node.name.value}` } };
      },
    });
    return print(document);
  });
  // Abstract store types would need their `__typename` translated; such selections are left to delegation.
  const checkAbstract = (selectionSet: SelectionSetNode | undefined, parent: string): void => {
    const type = info.schema.getType(parent);
    if (!isObjectType(type)) return;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FIELD) {
        const condition = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition : undefined;
        if (
          selection.kind === Kind.INLINE_FRAGMENT &&
          (condition === undefined || condition.name.value === parent)
        )
          checkAbstract(selection.selectionSet, parent);
        else abstract = true;
        continue;
      }
      const child = type.getFields()[selection.name.value];
      if (child === undefined) continue;
      const named = getNamedType(child.type);
      if (isAbstractType(named)) abstract = true;
      if (selection.selectionSet !== undefined) checkAbstract(selection.selectionSet, named.name);
    }
  };
  for (const field of selected) {
    const fieldType = productType.getFields()[field.name.value]?.type;
    if (fieldType === undefined) continue;
    const named: GraphQLNamedType = getNamedType(fieldType);
    if (isAbstractType(named)) abstract = true;
    if (field.selectionSet !== undefined) checkAbstract(inline(field.selectionSet), named.name);
  }
  if (abstract) return null;
  const variableDefinitions: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const name of used) {
    const type = variableTypes.get(name);
    if (type === undefined) return null;
    const remoteType = visit(type, {
      NamedType: (node) => ({ ...node, name: { ...node.name, value: remoteName(node.name.value) } }),
    });
    variableDefinitions.push(`$${VARIABLE_PREFIX}${name}: ${print(remoteType)}`);
    variables[`${VARIABLE_PREFIX}${name}`] = info.variableValues[name];
  }
  const complexity = selectionComplexity(
    {
      kind: Kind.SELECTION_SET,
      selections: selected.map((field): FieldNode =>
        field.selectionSet === undefined ? field : { ...field, selectionSet: inline(field.selectionSet) },
      ),
    },
    info.variableValues,
    info.fragments,
  );
  return { selection: translated.join(' '), variableDefinitions, variables, fields: names, complexity };
}
