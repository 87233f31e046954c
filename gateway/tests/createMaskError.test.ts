import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { createMaskError } from '../src/errors/createMaskError.js';

const lines: string[] = [];
const log = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
const maskError = createMaskError(log);

describe('createMaskError', () => {
  it('masks a crash as INTERNAL_SERVER_ERROR with no detail, and logs it once', () => {
    lines.length = 0;
    const crash = new GraphQLError('x', {
      originalError: new Error('ECONNREFUSED 10.0.0.7:5432 password=hunter2'),
    });
    const masked = maskError(crash, 'Unexpected error.') as GraphQLError;
    expect(masked.message).toBe('Unexpected error.');
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('masked internal error');
  });

  it('masks a thrown non-GraphQL value', () => {
    const masked = maskError(
      new TypeError('cannot read x of undefined'),
      'Unexpected error.',
    ) as GraphQLError;
    expect(masked.message).toBe('Unexpected error.');
    expect(masked.extensions['code']).toBe('INTERNAL_SERVER_ERROR');
  });

  it('keeps a deliberate error with its code', () => {
    const refusal = new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN', reason: 'scope' } });
    expect(maskError(refusal, 'Unexpected error.')).toBe(refusal);
  });

  it('keeps an upstream error raised by the subgraph executor, wrapped by graphql-js', () => {
    const upstream = new GraphQLError('Subgraph "health" is unavailable', {
      extensions: { code: 'UPSTREAM_UNAVAILABLE', subgraph: 'health' },
    });
    const located = new GraphQLError(upstream.message, {
      originalError: upstream,
      path: ['units', 0, 'facilities'],
    });
    expect(maskError(located, 'Unexpected error.')).toBe(located);
  });

  it("drops yoga's originalError extension and gives HTTP refusals the table's code", () => {
    const parse = new GraphQLError('POST body sent invalid JSON.', {
      extensions: {
        http: { spec: true, status: 400 },
        code: 'BAD_REQUEST',
        originalError: { message: '{"q' },
      },
    });
    const tooLarge = new GraphQLError('Request body too large', {
      extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' },
    });
    expect((maskError(parse, 'm') as GraphQLError).extensions).toEqual({
      http: { spec: false, status: 400 },
      code: 'BAD_REQUEST',
    });
    expect((maskError(tooLarge, 'm') as GraphQLError).extensions['code']).toBe('PAYLOAD_TOO_LARGE');
  });
});
