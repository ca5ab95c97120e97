import {
  Kind,
  OperationTypeNode,
  getOperationAST,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** How to rebuild the answer of one selection set: which response keys copy which, in the client's order. */
interface Copies {
  /** Response key left out of execution -> the identical one that was executed. */
  readonly from: ReadonlyMap<string, string>;
  /** Every response key of the original selection set, in order. */
  readonly order: readonly string[];
}

interface Plan {
  readonly document: DocumentNode;
  readonly copies: WeakMap<SelectionSetNode, Copies>;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
}

function responseKey(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

/** Two fields with this key give the same answer: same field, arguments, directives and selection. */
function identity(field: FieldNode): string {
  const { alias, ...rest } = field;
  return alias === undefined ? print(field) : print(rest);
}

/**
 * Plans the deduplication of a query: in every selection set, of the aliased fields that are identical but for
 * their alias, only the first is executed; the answer is copied to the others. Returns null when nothing repeats.
 */
function planFor(document: DocumentNode): Plan | null {
  const copies = new WeakMap<SelectionSetNode, Copies>();
  let changed = false;
  const transform = (set: SelectionSetNode): SelectionSetNode => {
    const seen = new Map<string, string>();
    const from = new Map<string, string>();
    const order: string[] = [];
    const selections: SelectionNode[] = [];
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = responseKey(selection);
        order.push(key);
        const id = identity(selection);
        const first = seen.get(id);
        if (first !== undefined && first !== key) {
          from.set(key, first);
          continue;
        }
        seen.set(id, key);
        selections.push(
          selection.selectionSet === undefined
            ? selection
            : { ...selection, selectionSet: transform(selection.selectionSet) },
        );
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        selections.push({ ...selection, selectionSet: transform(selection.selectionSet) });
      } else selections.push(selection);
    }
    const result: SelectionSetNode = { ...set, selections };
    if (from.size > 0) {
      changed = true;
      copies.set(result, { from, order });
    }
    return result;
  };
  const definitions = document.definitions.map((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION
      ? { ...definition, selectionSet: transform(definition.selectionSet) }
      : definition,
  );
  if (!changed) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return { document: { ...document, definitions }, copies, fragments };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fills the left-out response keys of `value` (and below it) from their executed twins, keeping key order. */
function fill(plan: Plan, value: unknown, set: SelectionSetNode): unknown {
  if (Array.isArray(value)) return value.map((item) => fill(plan, item, set));
  if (!isRecord(value)) return value;
  let object = value;
  const visit = (selections: SelectionSetNode): void => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = responseKey(selection);
        if (selection.selectionSet !== undefined && key in object)
          object[key] = fill(plan, object[key], selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else {
        const fragment = plan.fragments.get(selection.name.value);
        if (fragment !== undefined) visit(fragment.selectionSet);
      }
    }
    const copies = plan.copies.get(selections);
    if (copies === undefined) return;
    const rebuilt: Record<string, unknown> = {};
    for (const key of copies.order) {
      const source = copies.from.get(key) ?? key;
      if (source in object) rebuilt[key] = object[source];
    }
    for (const [key, item] of Object.entries(object)) if (!(key in rebuilt)) rebuilt[key] = item;
    object = rebuilt;
  };
  visit(set);
  return object;
}

/**
 * Executes identical aliases of a query once: `a: products(first: 5) { ... }` and `b: products(first: 5) { ... }`
 * (same field, arguments, directives and selection) resolve once and the answer is copied, so repeating a field
 * under many aliases costs the store nothing more. Mutations are never deduplicated: two identical writes are two
 * writes. Plans are cached per parsed document.
 */
export function useAliasDedup(): Plugin {
  const plans = new WeakMap<DocumentNode, Plan | null>();
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const document = args.document as DocumentNode;
      const operation = getOperationAST(document, args.operationName as string | null | undefined);
      if (operation?.operation !== OperationTypeNode.QUERY) return;
      let plan = plans.get(document);
      if (plan === undefined) {
        plan = planFor(document);
        plans.set(document, plan);
      }
      if (plan === null) return;
      const active = plan;
      setExecuteFn(async (executionArgs: ExecutionArgs) => {
        const result = (await executeFn({ ...executionArgs, document: active.document })) as ExecutionResult;
        const executed = getOperationAST(active.document, executionArgs.operationName);
        if (result.data === null || result.data === undefined || executed === null || executed === undefined)
          return result;
        return { ...result, data: fill(active, result.data, executed.selectionSet) as typeof result.data };
      });
    },
  };
}
