import {
  GraphQLError,
  isInterfaceType,
  isObjectType,
  valueFromASTUntyped,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { RemoteFieldUnavailableError } from '../../upstream/errors.js';
import { CATALOG_TYPE_PREFIX } from '../catalog-stitching.js';
import { replaceExecutionErrors } from './replace-execution-errors.js';
import type { RemoteSchemaMonitor } from '../remote-schema-monitor.js';

/** `extensions.code` of an operation that needs a field the store's Admin GraphQL API no longer serves. */
export const REMOTE_FIELD_UNAVAILABLE = 'REMOTE_FIELD_UNAVAILABLE';

const dependencyTables = new WeakMap<GraphQLSchema, ReadonlyMap<string, readonly string[]>>();

/**
 * The remote fields each public field depends on (`Product.name` → `["Product.name"]`), from the `@remote`
 * directives of schema/*.graphql (see schema/remote.graphql), read once per schema.
 */
export function remoteDependencies(schema: GraphQLSchema): ReadonlyMap<string, readonly string[]> {
  let table = dependencyTables.get(schema);
  if (table !== undefined) return table;
  const found = new Map<string, string[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      const remote = (field.astNode?.directives ?? [])
        .filter((directive) => directive.name.value === 'remote')
        .map((directive) => directive.arguments?.find((argument) => argument.name.value === 'field'))
        .map((argument) => (argument === undefined ? undefined : valueFromASTUntyped(argument.value)))
        .filter((value): value is string => typeof value === 'string');
      if (remote.length > 0) found.set(`${type.name}.${field.name}`, remote);
    }
  }
  table = found;
  dependencyTables.set(schema, table);
  return table;
}

export function remoteFieldUnavailable(field: string, remoteField: string): GraphQLError {
  return new GraphQLError(
    `${field} is unavailable: the store's Admin GraphQL API no longer has ${remoteField}. Leave the field out, or try again once the store serves it.`,
    {
      extensions: {
        code: REMOTE_FIELD_UNAVAILABLE,
        field,
        remoteField,
        // Not a spec validation error: yoga keeps the 400 (it answers spec errors with 200 to application/json).
        http: { status: 400, spec: false },
      },
    },
  );
}

function checkRule(monitor: RemoteSchemaMonitor, version: number): ValidationRule {
  const rule: ValidationRule = (context) => {
    const dependencies = remoteDependencies(context.getSchema());
    const missing = monitor.missing();
    const mirrored = monitor.mirroredTypes();
    const reported = new Set<string>();
    return {
      Field() {
        const parent = context.getParentType();
        const field = context.getFieldDef();
        if (parent === null || parent === undefined || field === null || field === undefined) return;
        const coordinate = `${parent.name}.${field.name}`;
        if (reported.has(coordinate)) return;
        // Declared dependencies, and fields mirrored from the store's types: under the same name (Product,
        // Variant) or under the stitched `Catalog` prefix (CatalogProductImage is the store's ProductImage).
        const remoteType = parent.name.startsWith(CATALOG_TYPE_PREFIX)
          ? parent.name.slice(CATALOG_TYPE_PREFIX.length)
          : parent.name;
        const needed = [
          ...(dependencies.get(coordinate) ?? []),
          ...(mirrored.has(remoteType) ? [`${remoteType}.${field.name}`] : []),
        ];
        const gone = needed.find((remote) => missing.has(remote));
        if (gone === undefined) return;
        reported.add(coordinate);
        context.reportError(remoteFieldUnavailable(coordinate, gone));
      },
    };
  };
  // yoga caches validation results by rule names: the name changes whenever the missing fields do.
  Object.defineProperty(rule, 'name', { value: `RemoteSchemaCheck[${version}]` });
  return rule;
}

/**
 * Refuses, in validation (HTTP, SSE and graphql-ws alike; HTTP 400 like the operation limits, whatever the client
 * accepts), the operations that select a field depending on a
 * remote field the store's Admin GraphQL schema no longer has, with `REMOTE_FIELD_UNAVAILABLE` naming both; every
 * other operation runs as usual. Also turns a `RemoteFieldUnavailableError` raised during execution (a document
 * the client refused to send, or one the store refused) into that error instead of "Unexpected error.".
 */
export function useRemoteSchemaCheck(monitor: RemoteSchemaMonitor | undefined): Plugin {
  if (monitor === undefined) return {};
  let rule: { version: number; rule: ValidationRule } | undefined;
  return {
    onValidate({ addValidationRule }) {
      if (monitor.missing().size === 0) return;
      const version = monitor.version();
      if (rule?.version !== version) rule = { version, rule: checkRule(monitor, version) };
      addValidationRule(rule.rule);
    },
    onExecute: replaceExecutionErrors((original, _error, location) => {
      if (!(original instanceof RemoteFieldUnavailableError)) return undefined;
      const remoteField = original.coordinates.join(', ');
      return new GraphQLError(
        `The store's Admin GraphQL API no longer has ${remoteField}, which this field needs. Leave the field out, or try again once the store serves it.`,
        { ...location, extensions: { code: REMOTE_FIELD_UNAVAILABLE, remoteField } },
      );
    }),
  };
}
