import { describe, expect, it } from '@jest/globals';
import { parseResponse } from '../src/parseResponse.js';
import { parseRetryAfter, type LgspError } from '../src/index.js';

const graphql = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('gateway errors become typed objects', () => {
  it('FORBIDDEN carries the reason, the legal basis and the coordinate (Decree 194/2025 Art. 16)', async () => {
    const outcome = await parseResponse(
      graphql(
        {
          errors: [
            {
              message: 'Not authorized to read Query.incidents: requires scope police:read',
              path: ['incidents'],
              extensions: {
                code: 'FORBIDDEN',
                reason: 'requires scope police:read',
                legalBasis: 'Nghị định 194/2025/NĐ-CP, Điều 16',
                coordinate: 'Query.incidents',
              },
            },
          ],
        },
        403,
        { 'x-request-id': 'req-1' },
      ),
      'x-request-id',
    );
    const [error] = outcome.errors as [LgspError];
    if (error.code !== 'FORBIDDEN') throw new Error(`expected FORBIDDEN, got ${error.code}`);
    expect({ ...error, message: error.message }).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'requires scope police:read',
      legalBasis: 'Nghị định 194/2025/NĐ-CP, Điều 16',
      coordinate: 'Query.incidents',
      path: ['incidents'],
      status: 403,
      requestId: 'req-1',
      message: 'Not authorized to read Query.incidents: requires scope police:read',
    });
    expect(outcome.data).toBeNull();
  });

  it('RATE_LIMITED carries the Retry-After seconds', async () => {
    const outcome = await parseResponse(
      graphql({ errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }] }, 429, {
        'retry-after': '17',
      }),
      'x-request-id',
    );
    expect(outcome.errors[0]).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 17, status: 429 });
  });

  it('keeps partial data beside a failed subgraph, naming it', async () => {
    const outcome = await parseResponse(
      graphql(
        {
          data: { administrativeUnit: { name: 'Thành phố Hòa Bình', bedOccupancy: null } },
          errors: [
            {
              message: 'health is unavailable',
              path: ['administrativeUnit', 'bedOccupancy'],
              extensions: { code: 'UPSTREAM_UNAVAILABLE', subgraph: 'health' },
            },
          ],
        },
        200,
      ),
      'x-request-id',
    );
    expect(outcome.data).toEqual({ administrativeUnit: { name: 'Thành phố Hòa Bình', bedOccupancy: null } });
    expect(outcome.errors[0]).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', subgraph: 'health' });
  });

  it('classifies a non-GraphQL error page by its status and never quotes its body', async () => {
    const outcome = await parseResponse(
      new Response('<html>secret upstream stack</html>', {
        status: 502,
        headers: { 'content-type': 'text/html' },
      }),
      'x-request-id',
    );
    expect(outcome.errors[0]).toMatchObject({ code: 'UPSTREAM_ERROR', status: 502 });
    expect(outcome.errors[0]!.message).toBe('the gateway answered HTTP 502');
  });

  it('maps an unknown code to INTERNAL_SERVER_ERROR', async () => {
    const outcome = await parseResponse(
      graphql({ errors: [{ message: 'x', extensions: { code: 'TEAPOT' } }] }, 500),
      'x',
    );
    expect(outcome.errors[0]!.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter('Wed, 25 Nov 2026 05:00:30 GMT', Date.parse('2026-11-25T05:00:00Z'))).toBe(30);
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
