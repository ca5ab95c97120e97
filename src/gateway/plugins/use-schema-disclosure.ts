import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface SchemaDisclosureOptions {
  /** Answer `__schema` and `__type` queries. @default true */
  readonly introspection?: boolean;
  /** Keep graphql-js's "Did you mean ...?" hints in validation errors. @default true */
  readonly fieldSuggestions?: boolean;
}

const SUGGESTION = / Did you mean .*\?$/;

/**
 * How much of the schema a client can discover: introspection and the field-name suggestions in validation
 * errors (which reveal the schema one guess at a time) are both off on a gateway in front of a real store.
 */
export function useSchemaDisclosure(options: SchemaDisclosureOptions = {}): Plugin {
  const introspection = options.introspection ?? true;
  const suggestions = options.fieldSuggestions ?? true;
  if (introspection && suggestions) return {};
  return {
    onValidate({ addValidationRule }) {
      if (!introspection) addValidationRule(NoSchemaIntrospectionCustomRule);
      if (suggestions) return undefined;
      return ({ result, setResult }) => {
        const errors = result as readonly GraphQLError[];
        if (!errors.some((error) => SUGGESTION.test(error.message))) return;
        setResult(
          errors.map((error) =>
            SUGGESTION.test(error.message)
              ? new GraphQLError(error.message.replace(SUGGESTION, ''), {
                  ...(error.nodes === undefined ? {} : { nodes: error.nodes }),
                  extensions: error.extensions,
                })
              : error,
          ),
        );
      };
    },
  };
}
