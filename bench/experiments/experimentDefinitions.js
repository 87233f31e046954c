// Variants of our gateway measured next to it (select them with BENCH_GATEWAYS=lgsp,lgsp-semi64,…): node flags,
// configuration, or edits applied to a temp copy of gateway/dist. Nothing here changes gateway/ itself.
import { gatewayDefinitions, repoRoot } from '../src/gateways/gatewayDefinitions.js';
import { prepareDistCopy } from './prepareDistCopy.js';
import { upstreamDedupeEdits } from './upstreamDedupe.js';

const ours = gatewayDefinitions.find((g) => g.id === 'lgsp');

/** Ours with extra `node` flags before the entry point. */
function withNodeFlags(id, label, nodeFlags) {
  return { ...ours, id, label, args: (supergraph, port) => [...nodeFlags, ...ours.args(supergraph, port)] };
}

/** Ours with extra environment variables (config through LGSP_GATEWAY_*). */
function withEnv(id, label, env) {
  return { ...ours, id, label, env: { ...ours.env, ...env } };
}

/** Ours from a patched copy of gateway/dist (see prepareDistCopy.js); the copy is made when first started. */
function withDistEdits(id, label, edits) {
  let entry;
  return {
    ...ours,
    id,
    label,
    args: (supergraph, port) => {
      entry ??= prepareDistCopy(repoRoot, id, edits);
      return [entry, ...ours.args(supergraph, port).slice(1)];
    },
  };
}

export const experimentDefinitions = [
  withDistEdits('lgsp-dedupe', 'ours + upstream in-flight dedup (experiment)', upstreamDedupeEdits),
  // The per-request access log line (pino, synchronous write to stdout): what does it cost?
  withEnv('lgsp-warnlog', 'ours, log level warn (no access log)', { LGSP_GATEWAY_LOG_LEVEL: 'warn' }),
  // GC took 24 % of the gateway's CPU in the profile; a larger young generation means fewer scavenges.
  withNodeFlags('lgsp-semi16', 'ours, --max-semi-space-size=16', ['--max-semi-space-size=16']),
  withNodeFlags('lgsp-semi32', 'ours, --max-semi-space-size=32', ['--max-semi-space-size=32']),
  withNodeFlags('lgsp-semi64', 'ours, --max-semi-space-size=64', ['--max-semi-space-size=64']),
];
