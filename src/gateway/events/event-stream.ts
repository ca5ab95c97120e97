import { GraphQLError } from 'graphql';

export interface EventStreamOptions<T> {
  /** Starts delivery into `push`; resolves to the function that stops it. */
  readonly start: (push: (value: T) => void) => Promise<() => void>;
  /**
   * Most values held for a consumer that does not keep up. Past it the subscription ends with a `SLOW_CONSUMER`
   * error naming the last delivered value's id, so the client can resubscribe from there; memory stays bounded.
   */
  readonly maxQueue: number;
  /** The id of a value, for the slow-consumer message. */
  readonly idOf: (value: T) => string;
  /** Called once when the stream ends for any reason. */
  readonly onEnd?: () => void;
}

/**
 * An async iterator over pushed values whose `return()` takes effect at once: a client that unsubscribes, even
 * before the first value, stops delivery immediately and leaves no listener behind (an async generator would wait
 * for its pending `await` first).
 */
export type EventStream<T> = AsyncIterableIterator<T> & { return(): Promise<IteratorResult<T>> };

export function createEventStream<T>(options: EventStreamOptions<T>): EventStream<T> {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let failWaiting: ((error: unknown) => void) | null = null;
  let failure: unknown = null;
  let done = false;
  let stop: (() => void) | null = null;
  let lastId = '';

  const end = (): void => {
    if (done) return;
    done = true;
    queue.length = 0;
    stop?.();
    stop = null;
    options.onEnd?.();
  };

  const push = (value: T): void => {
    if (done) return;
    if (waiting !== null) {
      const resolve = waiting;
      waiting = null;
      failWaiting = null;
      lastId = options.idOf(value);
      resolve({ value, done: false });
      return;
    }
    if (queue.length >= options.maxQueue) {
      failure = new GraphQLError(
        `This subscriber fell ${options.maxQueue} events behind and was stopped; subscribe again with after: "${lastId}" to resume.`,
        { extensions: { code: 'SLOW_CONSUMER', lastEventId: lastId } },
      );
      end();
      return;
    }
    queue.push(value);
  };

  options.start(push).then(
    (unsubscribe) => {
      if (done) unsubscribe();
      else stop = unsubscribe;
    },
    (error: unknown) => {
      failure = error;
      if (failWaiting !== null) {
        const reject = failWaiting;
        waiting = null;
        failWaiting = null;
        failure = null;
        reject(error);
      }
      end();
    },
  );

  const iterator = {
    next(): Promise<IteratorResult<T>> {
      const value = queue.shift();
      if (value !== undefined) {
        lastId = options.idOf(value);
        return Promise.resolve({ value, done: false });
      }
      if (failure !== null) {
        const error = failure;
        failure = null;
        return Promise.reject(error instanceof Error ? error : new Error('subscription failed'));
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise<IteratorResult<T>>((resolve, reject) => {
        waiting = resolve;
        failWaiting = reject;
      });
    },
    return(): Promise<IteratorResult<T>> {
      end();
      if (waiting !== null) {
        const resolve = waiting;
        waiting = null;
        resolve({ value: undefined, done: true });
      }
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error: unknown): Promise<IteratorResult<T>> {
      end();
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
