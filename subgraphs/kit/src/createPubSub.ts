/**
 * In-process publish/subscribe for subscription fields (the embedded default of DESIGN.md §5; Redis or NATS
 * replace it with many replicas). Each subscriber gets its own bounded queue: when a slow subscriber falls
 * `maxQueued` events behind, the oldest are dropped rather than growing memory without bound.
 */
export interface PubSub<TEvents extends Record<string, unknown>> {
  publish<K extends keyof TEvents & string>(topic: K, payload: TEvents[K]): void;
  /** An async iterator of the topic's events from now on; `return()` (the client went away) unsubscribes. */
  subscribe<K extends keyof TEvents & string>(topic: K): AsyncIterableIterator<TEvents[K]>;
  /** Current subscribers of a topic, for tests and metrics. */
  subscriberCount(topic: keyof TEvents & string): number;
}

export interface PubSubOptions {
  /** Events buffered per subscriber before the oldest are dropped. Default 100. */
  maxQueued?: number;
}

interface Subscriber {
  push(payload: unknown): void;
}

export function createPubSub<TEvents extends Record<string, unknown>>(
  options: PubSubOptions = {},
): PubSub<TEvents> {
  const maxQueued = options.maxQueued ?? 100;
  const topics = new Map<string, Set<Subscriber>>();

  function subscribe<K extends keyof TEvents & string>(topic: K): AsyncIterableIterator<TEvents[K]> {
    const queue: TEvents[K][] = [];
    let wake: ((result: IteratorResult<TEvents[K]>) => void) | undefined;
    let done = false;
    const subscriber: Subscriber = {
      push(payload) {
        if (wake) {
          const resolve = wake;
          wake = undefined;
          resolve({ value: payload as TEvents[K], done: false });
          return;
        }
        queue.push(payload as TEvents[K]);
        if (queue.length > maxQueued) queue.shift();
      },
    };
    const set = topics.get(topic) ?? new Set<Subscriber>();
    set.add(subscriber);
    topics.set(topic, set);
    const finish = (): Promise<IteratorResult<TEvents[K]>> => {
      done = true;
      set.delete(subscriber);
      if (set.size === 0) topics.delete(topic);
      wake?.({ value: undefined, done: true });
      wake = undefined;
      return Promise.resolve({ value: undefined, done: true });
    };
    return {
      next() {
        if (queue.length > 0) return Promise.resolve({ value: queue.shift() as TEvents[K], done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (wake = resolve));
      },
      return: finish,
      throw: async (error: unknown) => {
        await finish();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  return {
    publish(topic, payload) {
      for (const subscriber of topics.get(topic) ?? []) subscriber.push(payload);
    },
    subscribe,
    subscriberCount: (topic) => topics.get(topic)?.size ?? 0,
  };
}
