import {
  Kind,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * The static shape of an operation and its estimated cost, computed before it runs.
 *
 * Shape (no schema needed): depth (fields nested, through fragments), aliases, root fields and directives, each
 * counted with fragments expanded, so that a fragment spread ten times counts ten times. Fragments are measured
 * once each, so a document cannot make the measurement itself expensive.
 *
 * Cost (from the schema's `@cost`, `@listSize` and `@upstream` directives, see schema/cost.graphql): every object
 * a field returns costs 1 (or its `@cost` weight), multiplied by the sizes of the lists above it; a list's size is
 * its slicing argument (`first`, or the length of `ids`), else its default, else `assumedSize`; and every field
 * that calls the store adds `upstreamCallCost` per call it makes, where `n` parent objects make
 * `ceil(n / batchSize)` calls (the loader's batch size). So the cost estimates both the size of the result and the
 * store calls it takes.
 */

export interface OperationShape {
  readonly depth: number;
  readonly aliases: number;
  readonly rootFields: number;
  readonly directives: number;
}

interface FieldCost {
  readonly weight: number | undefined;
  readonly assumedSize: number | undefined;
  readonly slicingArguments: readonly string[];
  readonly sizedFields: readonly string[];
  /** The largest value a slicing argument accepts (`@maxPage`). */
  readonly maxPage: number | undefined;
  /** Parents (or, with `upstreamPerItem`, items) per upstream call; undefined when the field makes none. */
  readonly upstreamBatchSize: number | undefined;
  readonly upstreamPerItem: boolean;
}

export interface CostOptions {
  /** Added per estimated upstream call. @default 10 */
  readonly upstreamCallCost?: number;
  /** Size assumed for a list field without `@listSize`. @default 10 */
  readonly defaultListSize?: number;
  /** Longest list accepted as a slicing argument (e.g. `nodes(ids:)`). @default 100 */
  readonly maxListArgument?: number;
}

export interface OperationCost {
  /** The estimated cost. */
  readonly cost: number;
  /** The estimated number of upstream calls (already counted in `cost`). */
  readonly upstreamCalls: number;
}

/** A refusal found while estimating: a list argument over its limit. */
export class CostEstimateError extends Error {
  constructor(
    message: string,
    readonly code: 'LIST_LIMIT_EXCEEDED',
    readonly detail: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'CostEstimateError';
  }
}

/** Past this many field visits the estimate stops: the document is far beyond any sensible budget. */
const MAX_VISITS = 100_000;

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return fragments;
}

export function operationsOf(
  document: DocumentNode,
  operationName?: string | null,
): OperationDefinitionNode[] {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName === undefined || operationName === null) return operations;
  const named = operations.filter((operation) => operation.name?.value === operationName);
  return named.length > 0 ? named : operations;
}

interface Measure {
  depth: number;
  aliases: number;
  fields: number;
  directives: number;
}

/** Measures every operation of a document; each figure is the largest over its operations. */
export function measureDocument(document: DocumentNode): OperationShape {
  const fragments = fragmentsOf(document);
  const memo = new Map<string, Measure>();
  const inProgress = new Set<string>();

  const measure = (selectionSet: SelectionSetNode | undefined): Measure => {
    const total: Measure = { depth: 0, aliases: 0, fields: 0, directives: 0 };
    if (selectionSet === undefined) return total;
    for (const selection of selectionSet.selections) {
      total.directives += selection.directives?.length ?? 0;
      let inner: Measure;
      if (selection.kind === Kind.FIELD) {
        inner = measure(selection.selectionSet);
        total.fields += 1;
        if (selection.alias !== undefined) total.aliases += 1;
        total.depth = Math.max(total.depth, inner.depth + 1);
        total.aliases += inner.aliases;
        total.directives += inner.directives;
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) inner = measure(selection.selectionSet);
      else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle is refused by GraphQL's own validation; here it only must not loop.
        if (fragment === undefined || inProgress.has(name)) continue;
        let known = memo.get(name);
        if (known === undefined) {
          inProgress.add(name);
          known = measure(fragment.selectionSet);
          known.directives += fragment.directives?.length ?? 0;
          inProgress.delete(name);
          memo.set(name, known);
        }
        inner = known;
      }
      total.depth = Math.max(total.depth, inner.depth);
      total.aliases += inner.aliases;
      total.fields += inner.fields;
      total.directives += inner.directives;
    }
    return total;
  };

  const shape = { depth: 0, aliases: 0, rootFields: 0, directives: 0 };
  for (const operation of operationsOf(document)) {
    const measured = measure(operation.selectionSet);
    shape.depth = Math.max(shape.depth, measured.depth);
    shape.aliases = Math.max(shape.aliases, measured.aliases);
    shape.rootFields = Math.max(shape.rootFields, measured.fields);
    shape.directives = Math.max(
      shape.directives,
      measured.directives +
        (operation.directives?.length ?? 0) +
        (operation.variableDefinitions ?? []).reduce((sum, v) => sum + (v.directives?.length ?? 0), 0),
    );
  }
  return shape;
}

function directiveArguments(
  field: GraphQLField<unknown, unknown>,
  name: string,
): Record<string, unknown> | undefined {
  const directive = field.astNode?.directives?.find((candidate) => candidate.name.value === name);
  if (directive === undefined) return undefined;
  const values: Record<string, unknown> = {};
  for (const argument of directive.arguments ?? [])
    values[argument.name.value] = valueFromASTUntyped(argument.value);
  return values;
}

function optionalInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Reads the cost directives of every field once per schema. */
const costTables = new WeakMap<GraphQLSchema, Map<string, FieldCost>>();

function costTable(schema: GraphQLSchema): Map<string, FieldCost> {
  let table = costTables.get(schema);
  if (table !== undefined) return table;
  table = new Map();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const cost = directiveArguments(field, 'cost');
      const listSize = directiveArguments(field, 'listSize');
      const upstream = directiveArguments(field, 'upstream');
      const maxPage = directiveArguments(field, 'maxPage');
      if (cost === undefined && listSize === undefined && upstream === undefined) continue;
      table.set(`${type.name}.${field.name}`, {
        weight: optionalInteger(cost?.['weight']),
        assumedSize: optionalInteger(listSize?.['assumedSize']),
        slicingArguments: strings(listSize?.['slicingArguments']),
        sizedFields: strings(listSize?.['sizedFields']),
        maxPage: optionalInteger(maxPage?.['size']),
        upstreamBatchSize:
          upstream === undefined ? undefined : Math.max(1, optionalInteger(upstream['batchSize']) ?? 1),
        upstreamPerItem: upstream?.['perItem'] === true,
      });
    }
  }
  costTables.set(schema, table);
  return table;
}

function isListOutput(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * Estimates the cost of the operation `operationName` selects (every operation when none is named), with the
 * request's variables. Throws CostEstimateError for a list argument over `maxListArgument`, or a slicing argument
 * over the field's `@maxPage`.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  options: CostOptions = {},
): OperationCost {
  const upstreamCallCost = options.upstreamCallCost ?? 10;
  const defaultListSize = options.defaultListSize ?? 10;
  const maxListArgument = options.maxListArgument ?? 100;
  const table = costTable(schema);
  const fragments = fragmentsOf(document);
  let visits = 0;
  let worst: OperationCost = { cost: 0, upstreamCalls: 0 };

  for (const operation of operationsOf(document, operationName)) {
    const defaults = new Map<string, unknown>();
    for (const definition of operation.variableDefinitions ?? [])
      if (definition.defaultValue !== undefined)
        defaults.set(definition.variable.name.value, valueFromASTUntyped(definition.defaultValue));
    const valueOf = (node: ValueNode): unknown => {
      if (node.kind === Kind.VARIABLE) {
        const name = node.name.value;
        const given = variables?.[name];
        return given === undefined ? defaults.get(name) : given;
      }
      return valueFromASTUntyped(node);
    };

    /** The size a list field returns, from its slicing arguments or assumed. */
    const sizeOf = (
      node: FieldNode,
      field: GraphQLField<unknown, unknown>,
      cost: FieldCost | undefined,
    ): number => {
      if (cost === undefined || cost.slicingArguments.length === 0)
        return cost?.assumedSize ?? defaultListSize;
      const sizes: number[] = [];
      for (const name of cost.slicingArguments) {
        const argument = node.arguments?.find((candidate) => candidate.name.value === name);
        let value = argument === undefined ? undefined : valueOf(argument.value);
        if (value === undefined || value === null) {
          const definition = field.args.find((candidate) => candidate.name === name);
          value = definition?.defaultValue ?? undefined;
        }
        if (Array.isArray(value)) {
          if (value.length > maxListArgument)
            throw new CostEstimateError(
              `"${field.name}(${name}:)" takes at most ${maxListArgument} items, got ${value.length}`,
              'LIST_LIMIT_EXCEEDED',
              { field: field.name, argument: name, length: value.length, limit: maxListArgument },
            );
          sizes.push(value.length);
        } else if (typeof value === 'number' && Number.isFinite(value)) {
          if (cost.maxPage !== undefined && value > cost.maxPage)
            throw new CostEstimateError(
              `"${field.name}(${name}:)" takes at most ${cost.maxPage}, got ${value}`,
              'LIST_LIMIT_EXCEEDED',
              { field: field.name, argument: name, value, limit: cost.maxPage },
            );
          sizes.push(Math.max(0, value));
        }
      }
      // Nothing usable given (a wrongly typed variable fails coercion later): the list is assumed.
      if (sizes.length === 0) return cost.assumedSize ?? defaultListSize;
      return Math.max(...sizes);
    };

    const total = { cost: 0, upstreamCalls: 0 };
    const inProgress = new Set<string>();
    const walk = (
      selectionSet: SelectionSetNode,
      parentType: GraphQLCompositeType,
      multiplicity: number,
      sized: ReadonlyMap<string, number>,
    ): void => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const condition = selection.typeCondition?.name.value;
          const type = condition === undefined ? parentType : schema.getType(condition);
          if (type !== undefined && type !== null && isCompositeType(type))
            walk(selection.selectionSet, type, multiplicity, sized);
          continue;
        }
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment === undefined || inProgress.has(name)) continue;
          const type = schema.getType(fragment.typeCondition.name.value);
          if (type === undefined || type === null || !isCompositeType(type)) continue;
          inProgress.add(name);
          walk(fragment.selectionSet, type, multiplicity, sized);
          inProgress.delete(name);
          continue;
        }
        visits += 1;
        if (visits > MAX_VISITS) {
          total.cost = Number.POSITIVE_INFINITY;
          return;
        }
        if (isObjectType(parentType) || isInterfaceType(parentType)) {
          const field = parentType.getFields()[selection.name.value];
          if (field === undefined) continue;
          const cost = table.get(`${parentType.name}.${field.name}`);
          const composite = isCompositeType(getNamedType(field.type));
          let count = multiplicity;
          if (isListOutput(field.type)) count *= sized.get(field.name) ?? sizeOf(selection, field, cost);
          else if (cost !== undefined && cost.sizedFields.length === 0 && cost.slicingArguments.length > 0)
            count *= sizeOf(selection, field, cost);
          total.cost += count * (cost?.weight ?? (composite ? 1 : 0));
          if (cost?.upstreamBatchSize !== undefined && multiplicity > 0) {
            const calls = Math.ceil((cost.upstreamPerItem ? count : multiplicity) / cost.upstreamBatchSize);
            total.upstreamCalls += calls;
            total.cost += calls * upstreamCallCost;
          }
          const type = getNamedType(field.type);
          if (selection.selectionSet !== undefined && isCompositeType(type)) {
            const inner =
              cost !== undefined && cost.sizedFields.length > 0
                ? new Map(cost.sizedFields.map((name) => [name, sizeOf(selection, field, cost)]))
                : new Map<string, number>();
            walk(selection.selectionSet, type, count, inner);
          }
        }
      }
    };

    const root = schema.getRootType(operation.operation);
    if (root !== undefined && root !== null) walk(operation.selectionSet, root, 1, new Map());
    if (total.cost > worst.cost) worst = total;
  }
  return worst;
}
