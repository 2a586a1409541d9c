import type autocannon from 'autocannon';

/** The figures every load benchmark prints for one autocannon run. */
export function loadFigures(result: Pick<autocannon.Result, 'requests' | 'latency' | 'non2xx' | 'errors'> & { timeouts?: number }) {
  return {
    throughput_msg_s: Math.round(result.requests.average),
    ack_latency_ms: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    non_2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts ?? 0,
  };
}
