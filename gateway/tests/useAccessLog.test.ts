import { describe, expect, it } from '@jest/globals';
import { createSchema, createYoga } from 'graphql-yoga';
import { pino } from 'pino';
import { useAccessLog } from '../src/plugins/useAccessLog.js';
import { useRequestId } from '../src/plugins/useRequestId.js';

describe('useAccessLog', () => {
  it('writes one line per request with its id, status and duration, and no headers or body', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
    const yoga = createYoga({
      schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }),
      logging: false,
      plugins: [
        useRequestId({ header: 'x-request-id', log }),
        useAccessLog({ log, requestIdHeader: 'x-request-id' }),
      ],
    });
    await yoga.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'abc-1',
        authorization: 'Bearer secret',
      },
      body: '{"query":"{ __typename }"}',
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request',
      requestId: 'abc-1',
      method: 'POST',
      path: '/graphql',
      status: 200,
    });
    expect(typeof lines[0]!['durationMs']).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/secret|__typename/);
  });
});
