import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { createPubSub, createSubgraphServer, type SubgraphServer } from '../src/index.js';

interface Alert {
  id: string;
  unitCode: string;
}

const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Alert @key(fields: "id") {
    id: ID!
    unitCode: String!
  }
  type Query {
    ping: String
  }
  type Subscription {
    alertRaised(unitCode: String): Alert
    failing: Alert
  }
`;

const pubsub = createPubSub<{ alert: Alert }>();
let subgraph: SubgraphServer;

beforeAll(async () => {
  subgraph = await createSubgraphServer({
    name: 'police',
    typeDefs,
    log: pino({ level: 'silent' }),
    resolvers: {
      Query: { ping: () => 'pong' },
      Subscription: {
        alertRaised: {
          subscribe: () => pubsub.subscribe('alert'),
          resolve: (alert: Alert) => alert,
        },
        failing: {
          subscribe: () => pubsub.subscribe('alert'),
          resolve: () => {
            throw new Error('secret detail');
          },
        },
      },
    },
  });
});
afterAll(() => subgraph.close());

async function waitFor(check: () => boolean): Promise<void> {
  for (let index = 0; index < 500 && !check(); index += 1)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

/** Opens a subscription the way @graphql-tools/executor-http does: GET, query string, Accept text/event-stream. */
async function open(query: string, requestId: string) {
  const controller = new AbortController();
  const url = `${subgraph.url}?query=${encodeURIComponent(query)}`;
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', 'x-request-id': requestId },
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const nextEvent = async (): Promise<string> => {
    while (!buffer.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value);
    }
    const index = buffer.indexOf('\n\n');
    const event = buffer.slice(0, index);
    buffer = buffer.slice(index + 2);
    return event.startsWith(':') ? nextEvent() : event;
  };
  return { response, nextEvent, close: () => controller.abort() };
}

describe('subgraph subscriptions over SSE', () => {
  it('streams published events as GraphQL results and unsubscribes when the client leaves', async () => {
    const stream = await open('subscription { alertRaised { id unitCode } }', 'sub-1');
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.response.headers.get('x-request-id')).toBe('sub-1');
    await waitFor(() => pubsub.subscriberCount('alert') === 1);
    pubsub.publish('alert', { id: 'A1', unitCode: '04978' });
    expect(await stream.nextEvent()).toBe(
      'event: next\ndata: {"data":{"alertRaised":{"id":"A1","unitCode":"04978"}}}',
    );
    stream.close();
    await waitFor(() => pubsub.subscriberCount('alert') === 0);
  });

  it('masks an unknown error in a subscription result', async () => {
    const stream = await open('subscription { failing { id } }', 'sub-2');
    await waitFor(() => pubsub.subscriberCount('alert') === 1);
    pubsub.publish('alert', { id: 'A2', unitCode: '04981' });
    const event = await stream.nextEvent();
    expect(event).toContain('"code":"INTERNAL_SERVER_ERROR"');
    expect(event).not.toContain('secret');
    stream.close();
    await waitFor(() => pubsub.subscriberCount('alert') === 0);
  });

  it('still answers queries with JSON', async () => {
    const response = await fetch(subgraph.url!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ping }' }),
    });
    expect(await response.json()).toEqual({ data: { ping: 'pong' } });
  });
});

describe('createPubSub', () => {
  it('buffers events for a slow subscriber up to maxQueued, dropping the oldest', async () => {
    const small = createPubSub<{ t: number }>({ maxQueued: 2 });
    const iterator = small.subscribe('t');
    small.publish('t', 1);
    small.publish('t', 2);
    small.publish('t', 3);
    expect((await iterator.next()).value).toBe(2);
    expect((await iterator.next()).value).toBe(3);
    await iterator.return!();
    expect(small.subscriberCount('t')).toBe(0);
  });
});

describe('subgraph shutdown', () => {
  it('completes open subscription streams when the server closes', async () => {
    const local = createPubSub<{ alert: Alert }>();
    const server = await createSubgraphServer({
      name: 'police',
      typeDefs,
      log: pino({ level: 'silent' }),
      resolvers: {
        Query: { ping: () => 'pong' },
        Subscription: {
          alertRaised: { subscribe: () => local.subscribe('alert'), resolve: (alert: Alert) => alert },
        },
      },
    });
    const response = await fetch(
      `${server.url}?query=${encodeURIComponent('subscription { alertRaised { id } }')}`,
      { headers: { accept: 'text/event-stream' } },
    );
    await waitFor(() => local.subscriberCount('alert') === 1);
    await server.close();
    expect(await response.text()).toContain('event: complete');
  });
});
