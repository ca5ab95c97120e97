import {
  Kind,
  getArgumentValues,
  getOperationAST,
  type DocumentNode,
  type ExecutionArgs,
  type FieldNode,
  type GraphQLError,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { forbidden, isSatisfied, requirementsOf, type Requirement } from '../auth/requirements.js';
import type { Viewer } from '../auth/viewer.js';
import { parseGlobalId } from '../global-id.js';
import type { Authentication } from './use-authentication.js';

/** Missing requirements, each with the fields (`Type.field`) that need it, in document order. */
class Violations {
  private readonly byRequirement = new Map<string, { requirement: Requirement; fields: string[] }>();

  add(requirement: Requirement, field: string): void {
    const key = JSON.stringify(requirement);
    let entry = this.byRequirement.get(key);
    if (entry === undefined) {
      entry = { requirement, fields: [] };
      this.byRequirement.set(key, entry);
    }
    if (!entry.fields.includes(field)) entry.fields.push(field);
  }

  errors(): GraphQLError[] {
    return [...this.byRequirement.values()].map(({ requirement, fields }) => forbidden(requirement, fields));
  }
}

/**
 * The rule for one viewer: every selected field (in operations and fragments, on concrete and abstract types)
 * must satisfy its requirements. Its name carries the viewer's scopes, because yoga's validation cache keys
 * results by rule names: a document valid for one set of scopes must not be served from the cache to another.
 */
function scopeRule(viewer: Viewer): ValidationRule {
  const rule: ValidationRule = (context) => {
    const requirements = requirementsOf(context.getSchema());
    const violations = new Violations();
    return {
      Field() {
        const parent = context.getParentType();
        const field = context.getFieldDef();
        if (parent === null || parent === undefined || field === null || field === undefined) return;
        for (const requirement of requirements.forField(parent, field))
          if (!isSatisfied(requirement, viewer)) violations.add(requirement, `${parent.name}.${field.name}`);
      },
      Document: {
        leave() {
          for (const error of violations.errors()) context.reportError(error);
        },
      },
    };
  };
  Object.defineProperty(rule, 'name', { value: `RequiresScopes[${viewer.kind}:${viewer.scopeKey}]` });
  return rule;
}

/** The `node` and `nodes` fields an operation selects at its root (through fragments too). */
function nodeFields(
  document: DocumentNode,
  selectionSet: SelectionSetNode,
  seen = new Set<string>(),
): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === 'node' || selection.name.value === 'nodes') fields.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fields.push(...nodeFields(document, selection.selectionSet, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (definition) =>
          definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION)
        fields.push(...nodeFields(document, fragment.selectionSet, seen));
    }
  }
  return fields;
}

const NO_FIELDS: readonly FieldNode[] = [];

/**
 * The root `node` and `nodes` fields of a document's operation, found once per parsed document (yoga reuses one
 * DocumentNode per query text) and operation name: most operations select neither.
 */
function createNodeFieldsCache(): (
  document: DocumentNode,
  operationName: string | null | undefined,
) => readonly FieldNode[] {
  const byDocument = new WeakMap<DocumentNode, Map<string, readonly FieldNode[]>>();
  return (document, operationName) => {
    let byOperation = byDocument.get(document);
    if (byOperation === undefined) {
      byOperation = new Map();
      byDocument.set(document, byOperation);
    }
    const key = operationName ?? '';
    let fields = byOperation.get(key);
    if (fields === undefined) {
      const operation = getOperationAST(document, operationName);
      // Only names the document has are kept: a client could otherwise grow the map with made-up ones.
      if (operation === null || operation === undefined) return NO_FIELDS;
      fields = nodeFields(document, operation.selectionSet);
      byOperation.set(key, fields);
    }
    return fields;
  };
}

/** Violations of the types that `node(id:)` / `nodes(ids:)` would load, known from the global ids. */
function nodeViolations(
  schema: GraphQLSchema,
  fields: readonly FieldNode[],
  variables: Record<string, unknown> | null | undefined,
  viewer: Viewer,
): GraphQLError[] {
  const query = schema.getQueryType();
  if (fields.length === 0 || query === null || query === undefined) return [];
  const requirements = requirementsOf(schema);
  const violations = new Violations();
  for (const node of fields) {
    const field = query.getFields()[node.name.value];
    if (field === undefined) continue;
    let ids: unknown;
    try {
      const args = getArgumentValues(field, node, variables ?? {});
      ids = node.name.value === 'node' ? [args['id']] : args['ids'];
    } catch {
      continue; // Bad arguments fail in execution with their own error, before any resolver runs.
    }
    if (!Array.isArray(ids)) continue;
    for (const id of ids) {
      const parsed = typeof id === 'string' ? parseGlobalId(id) : null;
      if (parsed === null) continue;
      for (const requirement of requirements.forType(parsed.type))
        if (!isSatisfied(requirement, viewer)) violations.add(requirement, parsed.type);
    }
  }
  return violations.errors();
}

/**
 * Enforces `@authenticated` and `@requiresScopes` before execution, over every transport. A client missing a
 * requirement gets the whole operation refused with `FORBIDDEN` (403) naming the missing scope and the fields that
 * need it; no resolver runs and nothing upstream is called. (Apollo and Hive can instead null the field; refusing
 * keeps a partial answer from looking complete, and lets shared executions and caches ignore scopes they cannot
 * reach.) `node` and `nodes` can return any type, so their ids are checked once the variables are known, before
 * execution starts.
 */
export function useScopes(authentication: Authentication): Plugin {
  if (!authentication.enabled) return {};
  const rules = new Map<string, ValidationRule>();
  const nodeFieldsOf = createNodeFieldsCache();
  const ruleFor = (viewer: Viewer): ValidationRule => {
    const key = `${viewer.kind}:${viewer.scopeKey}`;
    let rule = rules.get(key);
    if (rule === undefined) {
      rule = scopeRule(viewer);
      rules.set(key, rule);
    }
    return rule;
  };
  return {
    onValidate({ context, addValidationRule }) {
      addValidationRule(ruleFor(authentication.viewerOf(context)));
    },
    onExecute({ args, setResultAndStopExecution }) {
      const { schema, document, operationName, variableValues, contextValue } = args as ExecutionArgs;
      const { viewer } = contextValue as { viewer: Viewer };
      const fields = nodeFieldsOf(document, operationName);
      if (fields.length === 0) return;
      const errors = nodeViolations(schema, fields, variableValues, viewer);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}
