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
        // Made when the time is up: an error captures a stack trace, and nearly every operation finishes in time.
        let error: ExecutionTimeoutError | undefined;
        const timer = setTimeout(() => {
          error = new ExecutionTimeoutError(timeoutMs);
          context.budget.abort(error);
        }, timeoutMs);
        try {
          const result: unknown = await executeFn({
            ...args,
            signal: context.budget.signal,
          } as ExecutionArgs);
          return error !== undefined ? { errors: [error] } : result;
        } catch (thrown) {
          if (error !== undefined) return { errors: [error] };
          throw thrown;
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}
