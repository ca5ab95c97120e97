import {
  GraphQLError,
  parse,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type ParseOptions,
  type Source,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import {
  CostEstimateError,
  estimateCost,
  measureDocument,
  type OperationCost,
  type OperationShape,
} from '../operation-cost.js';

export interface OperationLimits {
  /** Deepest nesting of fields, counted through fragments (`MAX_OPERATION_DEPTH`). @default 15 */
  readonly maxDepth: number;
  /** Aliases in one operation, fragments expanded (`MAX_OPERATION_ALIASES`). @default 30 */
  readonly maxAliases: number;
  /** Fields at the root of one operation, fragments expanded (`MAX_OPERATION_ROOT_FIELDS`). @default 20 */
  readonly maxRootFields: number;
  /** Directives used in one operation, fragments expanded (`MAX_OPERATION_DIRECTIVES`). @default 50 */
  readonly maxDirectives: number;
  /** Lexical tokens in a document; the parser stops past it (`MAX_OPERATION_TOKENS`). @default 3000 */
  readonly maxTokens: number;
  /** Estimated cost, from the schema's cost directives and the variables (`MAX_OPERATION_COST`). @default 50000 */
  readonly maxCost: number;
  /** Items in a list that sizes a result, such as `nodes(ids:)` (`MAX_IDS_PER_LIST`). @default 100 */
  readonly maxIdsPerList: number;
  /**
   * Upstream calls one operation may make (`MAX_UPSTREAM_CALLS`): an operation whose estimate is over it is
   * refused before it runs, and calls past it fail at run time. @default 100
   */
  readonly maxUpstreamCalls: number;
  /** Time one query or mutation may run before its upstream calls are cancelled (`EXECUTION_TIMEOUT_MS`). @default 30000 */
  readonly executionTimeoutMs: number;
}

/** Defaults that accept every document in `operations/` at its largest page sizes. */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 15,
  maxAliases: 30,
  maxRootFields: 20,
  maxDirectives: 50,
  maxTokens: 3000,
  maxCost: 50_000,
  maxIdsPerList: 100,
  maxUpstreamCalls: 100,
  executionTimeoutMs: 30_000,
};

function refusal(message: string, code: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } });
}

/** Estimates kept per document, for its most recent operation names and variables. */
const ESTIMATES_PER_DOCUMENT = 32;
/** Variables longer than this (as JSON) are estimated every time rather than kept. */
const ESTIMATE_KEY_MAX_CHARS = 4096;

/** GraphQL's parser reports a document over `maxTokens` with this message. */
const TOKEN_LIMIT_MESSAGE = /Document contains more th(?:an|at) \d+ tokens/;

export interface OperationLimitsPlugin extends Plugin {
  /**
   * The refusal of an operation whose cost, list lengths or estimated upstream calls, with its variables, are over
   * a limit; null when it may run. For a subscription started without the envelop `subscribe` (the graphql-ws
   * subscription hub), whose `onSubscribe` hooks would judge it otherwise.
   */
  costRefusal(args: ExecutionArgs): GraphQLError | null;
}

/**
 * Refuses, before anything runs, an operation over any limit: tokens at parsing; then, once GraphQL validation
 * passed, depth, aliases, root fields and directives (measured once per parsed document); then, as execution or a
 * subscription starts, cost, list lengths and estimated upstream calls with the request's variables (they change
 * the page sizes), before any resolver runs. Every refusal has a
 * stable `code`, HTTP status 400 (a parse error follows the GraphQL over HTTP specification: 200 to clients that
 * accept only `application/json`), and states the figure and the limit. graphql-ws subscriptions are parsed and
 * validated through the same envelop pipeline, so the limits hold on every transport.
 */
export function useOperationLimits(limits: Partial<OperationLimits> = {}): OperationLimitsPlugin {
  const settings = { ...DEFAULT_OPERATION_LIMITS, ...limits };

  const shapes = new WeakMap<DocumentNode, OperationShape>();
  const shapeRefusal = (document: DocumentNode): GraphQLError | null => {
    let shape = shapes.get(document);
    if (shape === undefined) {
      shape = measureDocument(document);
      shapes.set(document, shape);
    }
    const checks = [
      ['depth', shape.depth, settings.maxDepth, 'DEPTH_LIMIT_EXCEEDED'],
      ['aliases', shape.aliases, settings.maxAliases, 'ALIAS_LIMIT_EXCEEDED'],
      ['root fields', shape.rootFields, settings.maxRootFields, 'ROOT_FIELD_LIMIT_EXCEEDED'],
      ['directives', shape.directives, settings.maxDirectives, 'DIRECTIVE_LIMIT_EXCEEDED'],
    ] as const;
    for (const [what, value, limit, code] of checks) {
      if (value > limit)
        return refusal(`The operation has ${value} ${what}, over the limit of ${limit}`, code, {
          value,
          limit,
        });
    }
    return null;
  };

  // The estimate depends on the document, the operation and the variables: kept per parsed document (yoga reuses
  // one DocumentNode per query text) for the last few operation names and variables seen with it.
  const estimates = new WeakMap<DocumentNode, Map<string, OperationCost | CostEstimateError>>();
  const estimateOf = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Readonly<Record<string, unknown>> | null | undefined,
  ): OperationCost | CostEstimateError => {
    const key = `${operationName ?? ''}\n${JSON.stringify(variables ?? null)}`;
    let known = estimates.get(document);
    const found = known?.get(key);
    if (found !== undefined) return found;
    let estimate: OperationCost | CostEstimateError;
    try {
      estimate = estimateCost(schema, document, operationName, variables, {
        maxListArgument: settings.maxIdsPerList,
      });
    } catch (error) {
      if (!(error instanceof CostEstimateError)) throw error;
      estimate = error;
    }
    if (key.length > ESTIMATE_KEY_MAX_CHARS) return estimate;
    if (known === undefined) {
      known = new Map();
      estimates.set(document, known);
    }
    known.set(key, estimate);
    if (known.size > ESTIMATES_PER_DOCUMENT) known.delete(known.keys().next().value as string);
    return estimate;
  };

  /** The refusal of an operation whose estimate, with its variables, is over a limit; null when it may run. */
  const costRefusal = (args: ExecutionArgs): GraphQLError | null => {
    const estimate = estimateOf(args.schema, args.document, args.operationName, args.variableValues);
    if (estimate instanceof CostEstimateError)
      return refusal(estimate.message, estimate.code, { ...estimate.detail });
    const { cost, upstreamCalls } = estimate;
    if (cost > settings.maxCost) {
      const shown = Number.isFinite(cost) ? String(cost) : 'too large to estimate';
      return refusal(
        `The operation costs ${shown}, over the limit of ${settings.maxCost}`,
        'COST_LIMIT_EXCEEDED',
        {
          cost: Number.isFinite(cost) ? cost : null,
          limit: settings.maxCost,
        },
      );
    }
    if (upstreamCalls > settings.maxUpstreamCalls)
      return refusal(
        `The operation would make about ${upstreamCalls} upstream calls, over the limit of ${settings.maxUpstreamCalls}`,
        'UPSTREAM_CALL_LIMIT_EXCEEDED',
        { upstreamCalls, limit: settings.maxUpstreamCalls },
      );
    return null;
  };

  return {
    costRefusal,
    onParse({ setParseFn }) {
      setParseFn((source: string | Source, options?: ParseOptions) => {
        try {
          return parse(source, { ...options, maxLexicalTokens: settings.maxTokens });
        } catch (error) {
          if (error instanceof GraphQLError && TOKEN_LIMIT_MESSAGE.test(error.message))
            throw refusal(
              `The document has more than ${settings.maxTokens} tokens, the limit`,
              'TOKEN_LIMIT_EXCEEDED',
              { limit: settings.maxTokens },
            );
          throw error;
        }
      });
    },
    onValidate({ params }) {
      const documentAST = params.documentAST as DocumentNode;
      // Only what the document alone decides is refused here: yoga keeps validation results per document, so a
      // refusal that depends on the variables would be served again for any variables.
      return ({ valid, setResult }) => {
        if (!valid) return;
        const shapeError = shapeRefusal(documentAST);
        if (shapeError !== null) setResult([shapeError]);
      };
    },
    onExecute({ args, setResultAndStopExecution }) {
      const error = costRefusal(args);
      if (error !== null) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = costRefusal(args);
      if (error !== null) setResultAndStopExecution({ errors: [error] });
    },
  };
}
