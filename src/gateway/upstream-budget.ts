import { GraphQLError } from 'graphql';
import type { Transport, UpstreamCall, UpstreamResponse } from '../upstream/transport.js';

/**
 * The store calls one operation may make. Created per request (and per subscription event) in the context factory:
 * every call a resolver, loader or client makes through the request's transport is counted, and a call past the
 * limit fails at once without reaching the store. It also carries the operation's deadline: aborting the budget
 * cancels the calls in flight and refuses further ones.
 */
export interface UpstreamBudget {
  /** Calls made so far (refused calls are not counted). */
  calls(): number;
  readonly limit: number;
  /** Aborted when the operation runs out of time. */
  readonly signal: AbortSignal;
  /** Cancels the calls in flight and refuses further ones with `reason`. */
  abort(reason: Error): void;
  /** The transport to hand to loaders and clients. */
  readonly transport: Transport;
}

/** An operation needed more store calls than the budget allows; the calls past the limit were not made. */
export class UpstreamCallLimitError extends GraphQLError {
  constructor(limit: number) {
    super(`The operation needs more than ${limit} upstream calls, the limit per operation`, {
      extensions: { code: 'UPSTREAM_CALL_LIMIT_EXCEEDED', limit, http: { status: 400 } },
    });
    this.name = 'UpstreamCallLimitError';
  }
}

/**
 * The signal of an operation with no client connection to follow (a graphql-ws operation, a subscription event):
 * it never aborts, so calls made with it are bounded by the deadline alone. Listening on it would keep a listener
 * per operation for the life of the process.
 */
export const NEVER_ABORTED: AbortSignal = new AbortController().signal;

/**
 * Wraps `transport` with a per-operation call budget; `close()` is the shared transport's, and is not forwarded.
 * Every call is made for `client` (see `UpstreamCall.client`). A call made with `requestSignal` (the client's
 * connection) is cancelled by it or by the deadline through one signal made for the whole operation, rather than one
 * `AbortSignal.any` per call.
 * The abort controllers are made on first use: most subscription contexts never call the store, and thousands of
 * subscribers each hold one context.
 */
export function createUpstreamBudget(
  transport: Transport,
  limit: number,
  client: string,
  requestSignal?: AbortSignal,
): UpstreamBudget {
  let calls = 0;
  let controller: AbortController | undefined;
  /** Set by `abort`: calls are refused with it. */
  let refusal: Error | undefined;
  const control = (): AbortController => (controller ??= new AbortController());
  let either: AbortSignal | undefined;
  /** Aborted by the deadline or by `requestSignal`, whichever comes first. */
  const deadlineOrRequest = (deadline: AbortSignal, request: AbortSignal): AbortSignal => {
    if (either !== undefined) return either;
    if (request.aborted || deadline.aborted) {
      either = AbortSignal.any([request, deadline]);
      return either;
    }
    const combined = new AbortController();
    const onRequest = () => {
      deadline.removeEventListener('abort', onDeadline);
      combined.abort(request.reason);
    };
    const onDeadline = () => {
      request.removeEventListener('abort', onRequest);
      combined.abort(deadline.reason);
    };
    request.addEventListener('abort', onRequest, { once: true });
    deadline.addEventListener('abort', onDeadline, { once: true });
    either = combined.signal;
    return either;
  };
  const budgeted: Transport = {
    request(call: UpstreamCall): Promise<UpstreamResponse> {
      const { signal: deadline } = control();
      if (refusal !== undefined) return Promise.reject(refusal);
      if (calls >= limit) return Promise.reject(new UpstreamCallLimitError(limit));
      calls += 1;
      const signal =
        call.signal === undefined || call.signal === NEVER_ABORTED
          ? deadline
          : call.signal === requestSignal
            ? deadlineOrRequest(deadline, call.signal)
            : AbortSignal.any([call.signal, deadline]);
      return transport.request({ ...call, signal, client });
    },
    close: () => Promise.resolve(),
  };
  return {
    calls: () => calls,
    limit,
    get signal() {
      return control().signal;
    },
    abort: (reason) => {
      refusal ??= reason;
      control().abort(reason);
    },
    transport: budgeted,
  };
}
