import { GraphQLError, type GraphQLErrorOptions } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * An `onExecute` hook that replaces the errors of an execution's result whose cause (`originalError`) the caller
 * recognises: `replace` returns the error the client should see (given the field's nodes and path to keep), or
 * `undefined` to leave the error as it is. Runs before yoga masks errors, so the replacement reaches the client.
 */
export function replaceExecutionErrors(
  replace: (
    original: Error | undefined,
    error: GraphQLError,
    location: Pick<GraphQLErrorOptions, 'nodes' | 'path'>,
  ) => GraphQLError | undefined,
): NonNullable<Plugin['onExecute']> {
  return () => ({
    onExecuteDone({ result, setResult }) {
      if (!('errors' in result) || result.errors === undefined) return;
      let changed = false;
      const errors = (result.errors as readonly unknown[]).map((error) => {
        if (!(error instanceof GraphQLError)) return error;
        const location: Pick<GraphQLErrorOptions, 'nodes' | 'path'> = {
          ...(error.nodes === undefined ? {} : { nodes: error.nodes }),
          ...(error.path === undefined ? {} : { path: error.path }),
        };
        const replaced = replace(error.originalError, error, location);
        if (replaced === undefined) return error;
        changed = true;
        return replaced;
      });
      if (changed) setResult({ ...result, errors: errors as GraphQLError[] });
    },
  });
}
