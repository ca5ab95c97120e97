import {
  Kind,
  valueFromASTUntyped,
  type DirectiveNode,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/** The fields named `name` directly below `fields`, looking through fragments and inline fragments. */
export function childFields(
  info: GraphQLResolveInfo,
  fields: readonly FieldNode[],
  name: string,
): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const field of fields) visit(field.selectionSet);
  return found;
}

/** Follows a path of field names below the resolver's own field. */
export function fieldsAt(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let fields: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) fields = childFields(info, fields, name);
  return [...fields];
}

/** The value of an argument on a field node, with variables substituted; undefined when not given. */
export function argumentOf(info: GraphQLResolveInfo, field: FieldNode, name: string): unknown {
  const argument = field.arguments?.find((candidate) => candidate.name.value === name);
  return argument === undefined ? undefined : valueFromASTUntyped(argument.value, info.variableValues);
}

/** Whether an `@include` or `@skip` appears anywhere below `fields` (fragments included). */
export function hasConditions(info: GraphQLResolveInfo, fields: readonly FieldNode[]): boolean {
  const seen = new Set<string>();
  const conditional = (node: { readonly directives?: readonly DirectiveNode[] | undefined }): boolean =>
    node.directives?.some((d) => d.name.value === 'include' || d.name.value === 'skip') ?? false;
  const visit = (selectionSet: SelectionSetNode | undefined): boolean =>
    selectionSet?.selections.some((selection) => {
      if (conditional(selection)) return true;
      if (selection.kind !== Kind.FRAGMENT_SPREAD) return visit(selection.selectionSet);
      if (seen.has(selection.name.value)) return false;
      seen.add(selection.name.value);
      const fragment = info.fragments[selection.name.value];
      return fragment !== undefined && (conditional(fragment) || visit(fragment.selectionSet));
    }) ?? false;
  return fields.some((field) => visit(field.selectionSet));
}
