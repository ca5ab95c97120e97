import {
  GraphQLError,
  getDirectiveValues,
  getNamedType,
  isObjectType,
  isInterfaceType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { isKnownScope, type Viewer } from './viewer.js';

/**
 * What one schema element asks of a client, from its `@authenticated` and `@requiresScopes` directives (Apollo's
 * semantics): `scopes` is satisfied by holding every scope of at least one inner list.
 */
export interface Requirement {
  readonly authenticated: boolean;
  readonly scopes: readonly (readonly string[])[] | null;
}

export interface Requirements {
  /** Requirements of selecting `field` on `parent`: the field's own, its parent type's and its return type's. */
  forField(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): readonly Requirement[];
  /** Requirements of reading an object of this type (for `node` and `nodes`). */
  forType(typeName: string): readonly Requirement[];
}

export function isSatisfied(requirement: Requirement, viewer: Viewer): boolean {
  if (requirement.authenticated && viewer.kind === 'anonymous') return false;
  if (requirement.scopes === null) return true;
  return requirement.scopes.some((all) => all.every((scope) => viewer.scopes.has(scope)));
}

/** `"a"`, `"a" and "b"`, `"a", or "b" and "c"`. */
export function describeRequirement(requirement: Requirement): string {
  if (requirement.scopes === null) return 'an authenticated client';
  const groups = requirement.scopes.map((all) => all.map((scope) => `"${scope}"`).join(' and '));
  return `the scope ${groups.join(', or ')}`;
}

/** The error refusing an operation: names what is missing and where it is needed. */
export function forbidden(requirement: Requirement, fields: readonly string[]): GraphQLError {
  return new GraphQLError(`Forbidden: ${fields.join(', ')} needs ${describeRequirement(requirement)}`, {
    extensions: {
      code: 'FORBIDDEN',
      ...(requirement.scopes === null ? {} : { requiredScopes: requirement.scopes }),
      fields,
      // Not a spec validation error: yoga keeps the 403 (it answers spec errors with 200 to application/json).
      http: { status: 403, spec: false },
    },
  });
}

const cache = new WeakMap<GraphQLSchema, Requirements>();

type Annotated = Parameters<typeof getDirectiveValues>[1];

/** Reads the directives of `schema` once; refuses scopes that are not known, so that a typo cannot lock a field. */
export function requirementsOf(schema: GraphQLSchema): Requirements {
  const cached = cache.get(schema);
  if (cached !== undefined) return cached;
  const authenticated = schema.getDirective('authenticated');
  const requiresScopes = schema.getDirective('requiresScopes');

  const read = (nodes: readonly (Annotated | null | undefined)[]): Requirement | null => {
    let isAuthenticated = false;
    let scopes: string[][] | null = null;
    for (const node of nodes) {
      if (node === null || node === undefined) continue;
      if (authenticated && getDirectiveValues(authenticated, node) !== undefined) isAuthenticated = true;
      const values = requiresScopes
        ? (getDirectiveValues(requiresScopes, node) as { scopes: string[][] } | undefined)
        : undefined;
      if (values !== undefined) {
        for (const scope of values.scopes.flat())
          if (!isKnownScope(scope)) throw new Error(`@requiresScopes names an unknown scope "${scope}"`);
        scopes = values.scopes;
      }
    }
    if (!isAuthenticated && scopes === null) return null;
    return { authenticated: isAuthenticated || scopes !== null, scopes };
  };

  const byType = new Map<string, Requirement | null>();
  const typeRequirement = (type: GraphQLNamedType): Requirement | null => {
    if (!byType.has(type.name))
      byType.set(type.name, read([type.astNode, ...(type.extensionASTNodes ?? [])]));
    return byType.get(type.name) ?? null;
  };
  const byField = new Map<GraphQLField<unknown, unknown>, readonly Requirement[]>();

  const requirements: Requirements = {
    forField(parent, field) {
      const known = byField.get(field);
      if (known !== undefined) return known;
      const named = getNamedType(field.type);
      const list = [
        read([field.astNode]),
        isObjectType(parent) || isInterfaceType(parent) ? typeRequirement(parent) : null,
        typeRequirement(named),
      ].filter((requirement): requirement is Requirement => requirement !== null);
      byField.set(field, list);
      return list;
    },
    forType(typeName) {
      const type = schema.getType(typeName);
      const requirement = type === undefined ? null : typeRequirement(type);
      return requirement === null ? [] : [requirement];
    },
  };
  // Validate every directive at once, at startup rather than on first use.
  for (const type of Object.values(schema.getTypeMap())) {
    typeRequirement(type);
    if (isObjectType(type) || isInterfaceType(type))
      for (const field of Object.values(type.getFields())) requirements.forField(type, field);
  }
  cache.set(schema, requirements);
  return requirements;
}
