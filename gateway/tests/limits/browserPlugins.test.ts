import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { parseConfig } from '../../src/config.js';
import { createGateway, type Gateway } from '../../src/createGateway.js';
import { useCors } from '../../src/plugins/useCors.js';
import { useCsrf } from '../../src/plugins/useCsrf.js';
import {
  createSupergraphManager,
  type SupergraphManager,
} from '../../src/supergraph/createSupergraphManager.js';
import { writeTempSupergraph } from '../testGateway.js';

const ioc = 'https://ioc.hoabinh.gov.vn';

describe('useCsrf and useCors without auth in front', () => {
  let gateway: Gateway;
  let supergraph: SupergraphManager;
  beforeAll(async () => {
    const config = parseConfig({
      auth: { mode: 'off' },
      supergraph: { path: await writeTempSupergraph(), watch: false },
    });
    const log = pino({ level: 'silent' });
    supergraph = await createSupergraphManager(config, log);
    const plugins = [
      useCors({ allowedOrigins: [ioc], maxAgeSeconds: 600 }),
      useCsrf({ requiredHeaders: ['graphql-preflight', 'x-requested-with'] }),
    ];
    gateway = createGateway(config, { supergraph, log, plugins });
  });
  afterAll(() => supergraph.close());

  const get = (headers: Record<string, string>) =>
    gateway.fetch(`http://gw/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', ...headers },
    });

  it('refuses a GET without a preflight header or token with 400 CSRF_PREFLIGHT_REQUIRED', async () => {
    const answer = await get({});
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_REQUEST', reason: 'CSRF_PREFLIGHT_REQUIRED' } }],
    });
  });

  it('refuses a form-encoded POST and accepts the same GET with GraphQL-Preflight', async () => {
    const form = await gateway.fetch('http://gw/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ __typename }"}',
    });
    // The media-type guard (415) or CSRF (400): refused either way, never executed.
    expect([400, 415]).toContain(form.status);
    expect((await get({ 'graphql-preflight': '1' })).status).toBe(200);
  });

  it('accepts a JSON POST (always preflighted by browsers)', async () => {
    const answer = await gateway.fetch('http://gw/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer.status).toBe(200);
  });

  it('sends CORS headers to the allowed origin only', async () => {
    const allowed = await get({ 'graphql-preflight': '1', origin: ioc });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ioc);
    const other = await get({ 'graphql-preflight': '1', origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('vary')).toContain('Origin');
  });
});
