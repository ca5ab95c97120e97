import {
  createSourceEventStream,
  execute,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * Subscribers with the same document, operation and variables share one execution per event: the first to see
 * an event executes it (with a fresh per-event context, so loaders never serve stale figures) and the others
 * reuse that result. Events are the bus's shared objects, so a WeakMap keyed by event drops results with them.
 */
export function useSharedExecution(): Plugin<GatewayContext> {
  const results = new WeakMap<object, Map<object, Promise<ExecutionResult> | ExecutionResult>>();
  // One small key object per (document, operation, variables), shared by all its subscribers.
  const keys = new WeakMap<DocumentNode, Map<string, object>>();

  const keyOf = (args: ExecutionArgs): object => {
    let byVariables = keys.get(args.document);
    if (byVariables === undefined) {
      byVariables = new Map();
      keys.set(args.document, byVariables);
    }
    // Keyed by the viewer's scopes too: subscribers share an execution only when they may see the same.
    const viewer = (args.contextValue as GatewayContext).viewer;
    const variables = `${viewer.scopeKey}\n${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}`;
    let key = byVariables.get(variables);
    if (key === undefined) {
      // Bounded: past this many variable sets per document, sharing restarts from empty.
      if (byVariables.size >= 10_000) byVariables.clear();
      key = {};
      byVariables.set(variables, key);
    }
    return key;
  };

  const sharedSubscribe = async (args: ExecutionArgs) => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const key = keyOf(args);
    const context = args.contextValue as GatewayContext;
    const iterator = source[Symbol.asyncIterator]();
    const run = (payload: unknown): Promise<ExecutionResult> | ExecutionResult => {
      if (typeof payload !== 'object' || payload === null) return execute({ ...args, rootValue: payload });
      let perEvent = results.get(payload);
      if (perEvent === undefined) {
        perEvent = new Map();
        results.set(payload, perEvent);
      }
      let result = perEvent.get(key);
      if (result === undefined) {
        result = execute({ ...args, rootValue: payload, contextValue: context.forEvent() });
        perEvent.set(key, result);
      }
      return result;
    };
    const mapped: AsyncIterableIterator<ExecutionResult> = {
      async next() {
        const step = await iterator.next();
        if (step.done === true) return { done: true, value: undefined };
        return { done: false, value: await run(step.value) };
      },
      async return() {
        await iterator.return?.();
        return { done: true, value: undefined };
      },
      async throw(error: unknown) {
        await iterator.return?.();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return mapped;
      },
    };
    return mapped;
  };

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(sharedSubscribe as Parameters<typeof setSubscribeFn>[0]);
    },
  };
}
