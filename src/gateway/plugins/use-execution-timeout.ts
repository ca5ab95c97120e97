import { GraphQLError, type ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';

export interface ExecutionTimeoutOptions {
  /** Time one query or mutation may run. @default 30000 */
  readonly timeoutMs?: number;
}

/** The operation ran out of time; its upstream calls were cancelled. */
export class ExecutionTimeoutError extends GraphQLError {
  constructor(timeoutMs: number) {
    super(`The operation did not finish within ${timeoutMs} ms, the execution time limit`, {
      extensions: { code: 'EXECUTION_TIMEOUT', limit: timeoutMs, http: { status: 504 } },
    });
    this.name = 'ExecutionTimeoutError';
  }
}

/**
 * Bounds the execution of a query or mutation: when the time is up, the operation's upstream budget is aborted
 * (calls in flight are cancelled, no new ones are made), the executor stops between fields, and the client gets
 * one `EXECUTION_TIMEOUT` error instead of partial data. Subscriptions are not bounded (each event's execution runs
 * in its own short-lived context).
 */
export function useExecutionTimeout(options: ExecutionTimeoutOptions = {}): Plugin<GatewayContext> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args: ExecutionArgs) => {
        const context = args.contextValue as GatewayContext;
        const error = new ExecutionTimeoutError(timeoutMs);
        const timer = setTimeout(() => context.budget.abort(error), timeoutMs);
        try {
          const result: unknown = await executeFn({
            ...args,
            signal: context.budget.signal,
          } as ExecutionArgs);
          return context.budget.signal.aborted ? { errors: [error] } : result;
        } catch (thrown) {
          if (context.budget.signal.aborted) return { errors: [error] };
          throw thrown;
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}
