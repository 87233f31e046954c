// The results as Markdown: one table per workload and mode, the RPS ratios of ours against each peer, the
// one-subgraph overhead, and the conditions of the run.
const fmt = (x, digits = 1) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));
const pct = (x) => (x === undefined || !Number.isFinite(x) ? '–' : `${x.toFixed(0)} %`);

function modeTable(meta, workload, modeName) {
  const rows = workload.modes[modeName];
  const lines = [
    `| gateway | median RPS | p50 ms | p99 ms | CPU ms/request | RPS per CPU-second | peak RSS MiB | gateway core busy | load-side core busy | subgraph calls per answer | checked answers (wrong) | RPS per round |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`,
  ];
  for (const [id, r] of Object.entries(rows)) {
    lines.push(
      `| ${meta.gateways[id]} | ${fmt(r.rps, 0)} | ${fmt(r.p50Ms)} | ${fmt(r.p99Ms)} | ${fmt(r.cpuMsPerRequest, 2)} | ` +
        `${fmt(1000 / r.cpuMsPerRequest, 0)} | ` +
        `${fmt(workload.rssMiB[id], 0)} | ${pct(r.gatewayCpuPct)} | ${pct(r.loadSideCpuPct)} | ` +
        `${fmt(r.subgraphCallsPerRequest, 1)} | ` +
        `${r.ok} (${r.wrong}) | ${r.rounds.join(', ')} |`,
    );
  }
  // One line of ratios per build of ours (stitching, planner) against every peer.
  const peers = Object.entries(rows).filter(([id]) => !id.startsWith('lgsp'));
  for (const [oursId, ours] of Object.entries(rows).filter(([id]) => id.startsWith('lgsp'))) {
    if (!peers.length) break;
    const ratios = peers.map(([id, r]) => `${meta.gateways[id]} ×${fmt(ours.rps / r.rps, 2)}`);
    const cpuRatios = peers.map(
      ([id, r]) => `${meta.gateways[id]} ×${fmt(r.cpuMsPerRequest / ours.cpuMsPerRequest, 2)}`,
    );
    lines.push(
      '',
      `${meta.gateways[oursId]}: RPS ratio against ${ratios.join('; ')}. RPS per CPU-second ratio (less sensitive to ` +
        `other tenants on the gateway core) against ${cpuRatios.join('; ')}.`,
    );
  }
  return lines.join('\n');
}

function overheadTable(meta, workload) {
  const direct = workload.overhead.direct;
  if (!direct) return '';
  const lines = [
    '| target | p50 ms | p99 ms | p50 overhead over direct, ms |',
    '| --- | ---: | ---: | ---: |',
    `| products subgraph, called directly | ${fmt(direct.p50Ms, 2)} | ${fmt(direct.p99Ms, 2)} | – |`,
  ];
  for (const [id, r] of Object.entries(workload.overhead)) {
    if (id === 'direct') continue;
    lines.push(
      `| ${meta.gateways[id]} | ${fmt(r.p50Ms, 2)} | ${fmt(r.p99Ms, 2)} | ${fmt(r.p50Ms - direct.p50Ms, 2)} |`,
    );
  }
  return lines.join('\n');
}

const modeTitles = {
  distinct:
    'Distinct requests (variables change from request to request; deduplication cannot stand in for execution)',
  identical: 'Identical requests',
};

export function formatReport(meta, workloads) {
  const o = meta.options;
  const out = [
    '# Gateway benchmark results',
    '',
    `Run ${meta.date}, Node ${meta.node}, ${meta.cpus} CPUs; pinning: ${meta.pinned}. ` +
      `Load average at start ${meta.loadavgStart.join(' ')}, at end ${meta.loadavgEnd.join(' ')} ` +
      '(other work shares this machine, so absolute numbers are noisy; rounds alternate between gateways). ' +
      `Our gateway: ${meta.gatewayBuild}.`,
    '',
    `Closed loop, ${o.connections} connections, ${o.rounds} rounds × ${o.durationS} s per gateway and mode ` +
      `(A B C D A B C D …), ${o.warmupS} s warm-up per gateway and ${o.leadInS} s unmeasured lead-in per round; ` +
      'medians over rounds. CPU per request and peak RSS are of the gateway process tree (from /proc). ' +
      'Every answer is checked against a reference execution (no errors, same data). ' +
      'Our gateway runs with its defaults: no response cache, no request deduplication (neither exists in this ' +
      'build), plan/document caches as built in (yoga parse/validate cache).',
  ];
  if (meta.pending) out.push('', `**${meta.pending}.**`);
  for (const w of workloads) {
    out.push('', `## ${w.title}`);
    for (const modeName of Object.keys(w.modes))
      out.push('', `### ${modeTitles[modeName] ?? modeName}`, '', modeTable(meta, w, modeName));
    if (w.overhead && Object.keys(w.overhead).length) {
      out.push(
        '',
        '### Overhead on a one-subgraph query (one connection, sequential requests)',
        '',
        overheadTable(meta, w),
      );
    }
    if (w.notes.length) out.push('', ...w.notes.map((n) => `- ${n}`));
  }
  return `${out.join('\n')}\n`;
}
