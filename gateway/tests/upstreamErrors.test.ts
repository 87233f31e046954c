import { describe, expect, it } from '@jest/globals';
import {
  classifyTransportError,
  tagSubgraphError,
  upstreamFailureError,
} from '../src/upstream/upstreamErrors.js';

const withCode = (code: string, cause?: unknown) => Object.assign(new Error(code), { code, cause });

describe('classifyTransportError', () => {
  it.each([
    ['ECONNREFUSED', 'UPSTREAM_UNAVAILABLE'],
    ['ECONNRESET', 'UPSTREAM_UNAVAILABLE'],
    ['ENOTFOUND', 'UPSTREAM_UNAVAILABLE'],
    ['UND_ERR_SOCKET', 'UPSTREAM_UNAVAILABLE'],
    ['UND_ERR_CONNECT_TIMEOUT', 'UPSTREAM_UNAVAILABLE'],
    ['UND_ERR_HEADERS_TIMEOUT', 'UPSTREAM_TIMEOUT'],
    ['UND_ERR_BODY_TIMEOUT', 'UPSTREAM_TIMEOUT'],
    ['SOMETHING_ELSE', 'UPSTREAM_ERROR'],
  ])('classifies %s as %s', (code, expected) => {
    expect(classifyTransportError(withCode(code))).toBe(expected);
  });

  it('follows the cause chain (fetch-style TypeError wrapping a socket error)', () => {
    expect(classifyTransportError(new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') }))).toBe(
      'UPSTREAM_UNAVAILABLE',
    );
  });

  it('survives a cyclic cause chain', () => {
    const a = withCode('X');
    (a as { cause?: unknown }).cause = a;
    expect(classifyTransportError(a)).toBe('UPSTREAM_ERROR');
  });
});

describe('tagSubgraphError', () => {
  it('keeps a deliberate FORBIDDEN refusal and its message', () => {
    const error = {
      message: 'Need scope health:read',
      path: ['x'],
      extensions: { code: 'FORBIDDEN', stack: 's' },
    };
    expect(tagSubgraphError('health', error)).toEqual({
      message: 'Need scope health:read',
      path: ['x'],
      extensions: { code: 'FORBIDDEN', subgraph: 'health' },
    });
  });

  it('hides the message of an internal error and drops its stack trace', () => {
    const error = {
      message: 'connect ECONNREFUSED 10.1.2.3:5432',
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db.js:1'] },
    };
    expect(tagSubgraphError('health', error)).toEqual({
      message: 'Subgraph "health" failed to resolve a field',
      extensions: { code: 'UPSTREAM_ERROR', subgraph: 'health' },
    });
  });

  it('writes a fixed message per failure kind', () => {
    expect(upstreamFailureError('egov', 'UPSTREAM_TIMEOUT')).toEqual({
      message: 'Subgraph "egov" did not answer in time',
      extensions: { code: 'UPSTREAM_TIMEOUT', subgraph: 'egov' },
    });
  });
});
