import { afterEach, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { parseConfig, type GatewayConfigInput } from '../../src/config.js';
import { createGateway } from '../../src/createGateway.js';
import { createLimitsPlugins, type LimitsPlugins } from '../../src/limits/index.js';
import {
  createSupergraphManager,
  type SupergraphManager,
} from '../../src/supergraph/createSupergraphManager.js';
import { writeTempSupergraph } from '../testGateway.js';

const log = pino({ level: 'silent' });
let open: { limits: LimitsPlugins; supergraph: SupergraphManager }[] = [];

/** The gateway as startGateway wires it (auth off), with a limits section. */
async function gatewayWith(limits: GatewayConfigInput['limits']) {
  const path = await writeTempSupergraph();
  const config = parseConfig({ auth: { mode: 'off' }, limits, supergraph: { path, watch: false } });
  const late: { supergraph?: SupergraphManager } = {};
  const plugins = await createLimitsPlugins(
    { limits: config.limits, cache: config.cache },
    { live: () => late.supergraph!.current(), log },
  );
  const supergraph = await createSupergraphManager(config, log, {
    wrapExecutor: (name, executor) => plugins.subgraphGuard.wrap(name, executor),
  });
  late.supergraph = supergraph;
  open.push({ limits: plugins, supergraph });
  const gateway = createGateway(config, { supergraph, log, limits: plugins });
  return async (query: string) => {
    const response = await gateway.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query }),
    });
    const json = (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
    return { status: response.status, reasons: (json.errors ?? []).map((e) => e.extensions?.['reason']) };
  };
}

afterEach(async () => {
  for (const { limits, supergraph } of open) {
    await limits.close();
    await supergraph.close();
  }
  open = [];
});

const strict = {
  defaults: { requestsPerMinute: 1, burst: 1 },
  operation: { maxAliases: 1 },
};

describe('limits.enabled', () => {
  it('on: the request rate and the operation limits refuse', async () => {
    const run = await gatewayWith(strict);
    expect(await run('{ a: __typename b: __typename }')).toEqual({
      status: 400,
      reasons: ['TOO_MANY_ALIASES'],
    });
    expect(await run('{ __typename }')).toEqual({ status: 429, reasons: ['REQUEST_RATE'] });
  });

  it('off: neither the request rate nor the operation limits refuse (the bare gateway of conformance and bench)', async () => {
    const run = await gatewayWith({ ...strict, enabled: false });
    expect(await run('{ a: __typename b: __typename }')).toEqual({ status: 200, reasons: [] });
    expect(await run('{ __typename }')).toEqual({ status: 200, reasons: [] });
    expect(await run('{ __typename }')).toEqual({ status: 200, reasons: [] });
  });
});
