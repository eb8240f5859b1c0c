// Throughput measured in slices: every target runs for the whole benchmark and wrk visits them in turn,
// round after round, so that a busy moment on a shared machine falls on all targets alike. A target's
// figures are the medians over its slices (req/s, p50, p99, CPU per request: one slice slowed by the
// machine does not move them); its CPU share and the mirror's counts are summed over them.
import { cpuSeconds } from './proc-stats.mjs';
import { runWrk } from './wrk.mjs';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * One wrk slice at `subject` ({ url, pid?, mirror? }): wrk's figures plus the CPU seconds of the proxy
 * and of the upstreams, and what the live and mirror upstreams received, during the slice.
 */
export async function measureSlice(wrkPath, upstreams, subject, durationS) {
  const before = {
    counts: await upstreams.counts(),
    proxyCpu: subject.pid ? cpuSeconds(subject.pid) : 0,
    upstreamsCpu: cpuSeconds(upstreams.pid),
    at: performance.now(),
  };
  const wrk = await runWrk(wrkPath, subject.url, { durationS });
  const elapsedS = (performance.now() - before.at) / 1_000;
  const counts = await upstreams.counts();
  return {
    wrk,
    elapsedS,
    proxyCpuS: subject.pid ? cpuSeconds(subject.pid) - before.proxyCpu : undefined,
    upstreamsCpuS: cpuSeconds(upstreams.pid) - before.upstreamsCpu,
    liveReceived: counts[subject.live ?? 'live'] - before.counts[subject.live ?? 'live'],
    mirrorReceived: subject.mirror ? counts[subject.mirror] - before.counts[subject.mirror] : undefined,
  };
}

/** A target's slices → one row: median req/s, p50, p99 and CPU per request; summed errors, requests, CPU and counts. */
export function mergeSlices(slices) {
  const sum = (pick) => slices.reduce((total, slice) => total + pick(slice), 0);
  const elapsedS = sum((s) => s.elapsedS);
  const requests = sum((s) => s.wrk.requests);
  const proxyCpuS = slices[0].proxyCpuS === undefined ? undefined : sum((s) => s.proxyCpuS);
  const rpsPerSlice = slices.map((s) => s.wrk.rps);
  return {
    slices: slices.length,
    wrk: {
      requests,
      rps: median(rpsPerSlice),
      rpsMin: Math.min(...rpsPerSlice),
      rpsMax: Math.max(...rpsPerSlice),
      p50: median(slices.map((s) => s.wrk.p50)),
      p99: median(slices.map((s) => s.wrk.p99)),
      non2xx: sum((s) => s.wrk.non2xx),
      socketErrors: Object.fromEntries(['connect', 'read', 'write', 'timeout'].map((k) => [k, sum((s) => s.wrk.socketErrors[k])])),
      command: slices[0].wrk.command,
    },
    cpuShare: proxyCpuS === undefined ? undefined : proxyCpuS / elapsedS,
    cpuPerRequestUs:
      proxyCpuS === undefined || slices.some((s) => s.wrk.requests === 0)
        ? undefined
        : median(slices.map((s) => (s.proxyCpuS * 1e6) / s.wrk.requests)),
    upstreamsCpuShare: sum((s) => s.upstreamsCpuS) / elapsedS,
    liveReceived: sum((s) => s.liveReceived),
    mirrorReceived: slices[0].mirrorReceived === undefined ? undefined : sum((s) => s.mirrorReceived),
  };
}
