import {
  Kind,
  valueFromASTUntyped,
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
