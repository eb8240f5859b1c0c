import { join } from 'node:path';
import { fetchSummary } from '@mirrormesh/collector';
import { freePort } from '../mesh/free-port';
import { Mesh, MESH_DEFAULTS } from '../mesh/mesh';
import { SCENARIOS, type ScenarioName } from '../mesh/scenarios';
import { comparesAnswers } from '../mesh/shadow-diff';
import { plannedRequests, pollPath } from '../poll/poll-plan';
import { poll, POLL_DEFAULTS } from '../poll/poller';
import { type LabResult } from './lab-result';
import { readSettledDiff } from './read-diff';
import { judge } from './verdict';

export const LAB_DEFAULTS = {
  requests: 300,
  rate: 50,
  /** Telemetry is flushed when the services stop; this bounds the wait for the last items. */
  telemetryWaitMs: 15_000,
} as const;

export interface LabOptions {
  readonly scenarios: readonly ScenarioName[];
  readonly requests: number;
  readonly rate: number;
  readonly stateDir: string;
  readonly say: (line: string) => void;
  readonly signal?: AbortSignal;
}

/**
 * For each scenario: start the mesh, poll through the front end, read the sidecar's answer
 * comparison where it compares, stop the services (which flushes their telemetry), read the
 * collector's summary and judge both. The v1-live run,
 * when it is part of the lab, is the baseline for the client's median.
 */
export async function runLab(options: LabOptions): Promise<LabResult[]> {
  const results: LabResult[] = [];
  let baselineP50: number | undefined;
  for (const scenario of options.scenarios) {
    if (options.signal?.aborted === true) break;
    options.say(`\n== ${scenario}`);
    const result = await runScenario(scenario, options, baselineP50);
    if (scenario === 'v1-live') baselineP50 = result.client.p50;
    results.push(result);
  }
  return results;
}

async function runScenario(scenario: ScenarioName, options: LabOptions, baselineP50: number | undefined): Promise<LabResult> {
  const mesh = await Mesh.start({
    scenario,
    frontEndPort: await freePort(MESH_DEFAULTS.host),
    stateDir: join(options.stateDir, 'lab', scenario),
    say: (line) => options.say(`  ${line}`),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  try {
    const books = POLL_DEFAULTS.books;
    const stop = { requests: options.requests };
    const client = await poll({
      url: mesh.urls.frontEnd,
      pathPrefix: POLL_DEFAULTS.pathPrefix,
      books,
      rate: options.rate,
      stop,
      signal: options.signal,
    });
    options.say(`  polled ${client.requests} requests: ${client.errors} errors, p99 ${client.latency.p99.toFixed(1)} ms`);
    // Read before the front end stops: its sidecar holds the comparison in memory.
    const diff = comparesAnswers(SCENARIOS[scenario]) ? await readSettledDiff(mesh.urls.admin, client.requests) : undefined;
    await mesh.stopTraffic();
    const rows = await waitForTelemetry(mesh.urls.collector, client.requests, scenario !== 'v1-live');
    const figures = { requests: client.requests, errors: client.errors, p50: client.latency.p50, p99: client.latency.p99 };
    const verdict = judge({
      scenario,
      rows,
      client: figures,
      reviewsRequestsByBook: reviewsByBook(plannedRequests(stop, options.rate), books),
      baselineP50,
      diff,
    });
    return {
      scenario,
      rows,
      client: figures,
      verdict: verdict.line,
      passed: verdict.passed,
      failures: verdict.failures,
    };
  } finally {
    await mesh.stop();
  }
}

/** Reads the summary until the live version has reported every request (and the mirror as many), or the wait ends. */
async function waitForTelemetry(collectorUrl: string, requests: number, expectMirror: boolean) {
  const deadline = Date.now() + LAB_DEFAULTS.telemetryWaitMs;
  for (;;) {
    const rows = await fetchSummary(collectorUrl, { contains: 'MIR-', since: undefined });
    const byVersion = new Map<string, number>();
    for (const row of rows) byVersion.set(row.podVersion, (byVersion.get(row.podVersion) ?? 0) + row.requestCount);
    const counts = [...byVersion.values()];
    const complete = counts.length === (expectMirror ? 2 : 1) && counts.every((n) => n >= requests);
    if (complete || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function reviewsByBook(planned: number, books: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < planned; i++) {
    const match = /\/books\/(\d+)\/reviews$/.exec(pollPath(i, books, ''));
    if (match !== null) counts.set(Number(match[1]), (counts.get(Number(match[1])) ?? 0) + 1);
  }
  return counts;
}
