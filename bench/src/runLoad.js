// Closed-loop load with autocannon: N connections, each sending its next request when the previous answer
// arrives; every answer is checked.
import autocannon from 'autocannon';

/**
 * @param {{ url: string, connections: number, durationS: number,
 *   nextRequest: () => { body: string, variant: number },
 *   check: (status: number, body: string, variant: number) => boolean }} options
 */
export async function runLoad({ url, connections, durationS, nextRequest, check }) {
  let ok = 0;
  let wrong = 0;
  const started = process.hrtime.bigint();
  const result = await autocannon({
    url,
    connections,
    pipelining: 1,
    duration: durationS,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        setupRequest(request, context) {
          const next = nextRequest();
          context.variant = next.variant;
          return { ...request, body: next.body };
        },
        onResponse(status, body, context) {
          if (check(status, body, context.variant)) ok++;
          else wrong++;
        },
      },
    ],
  });
  const elapsedS = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    rps: ok / elapsedS,
    ok,
    wrong,
    transportErrors: result.errors + result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

/** Sequential requests on one keep-alive connection: latency at low load, in ms (p50, p99). */
export async function measureLatency({ url, body, count, check }) {
  const samples = [];
  let wrong = 0;
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
    });
    const text = await response.text();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (!check(response.status, text, 0)) wrong++;
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { p50Ms: at(0.5), p99Ms: at(0.99), wrong };
}
