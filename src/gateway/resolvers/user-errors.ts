/** Builders for the `UserError` members of mutation result unions. */

export interface FieldProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export function validationError(message: string, problems: readonly FieldProblem[]) {
  return {
    __typename: 'ValidationError' as const,
    message,
    fields: problems.map((problem) => ({ path: problem.path.map(String), message: problem.message })),
  };
}

export function notFoundError(message: string, ids: readonly (string | number)[]) {
  return { __typename: 'NotFoundError' as const, message, ids: ids.map(String) };
}

export function unknownOutcomeError(operation: string) {
  return {
    __typename: 'UnknownOutcomeError' as const,
    message: `The store did not confirm the ${operation}: it may or may not have been applied. Read the affected items before sending it again.`,
    operation,
  };
}

/** `qty_backordered` -> `qtyBackordered`: upstream field names as the schema spells them. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** A message says the thing it names does not exist. */
export function isMissingMessage(message: string): boolean {
  return /does not exist|not found/i.test(message);
}
