import { parseArgs } from 'node:util';
import { ScenarioExpectationError } from './errors';
import { SCENARIOS, type Scenario } from './repo-paths';
import { formatSummary, unmetExpectations, type SummaryRow } from './scenario-expectations';

/** Telemetry reaches the collector within about a second of the SDK's flush; allow a margin. */
export const DEFAULT_VERIFY_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 1_000;
const REQUEST_TIMEOUT_MS = 5_000;

export interface VerifyOptions {
  /** The collector's plain-HTTP query base URL, e.g. http://127.0.0.1:4480. */
  readonly collectorUrl: string;
  readonly scenario: Scenario;
  readonly timeoutMs?: number;
  readonly contains?: string;
}

export async function fetchSummary(collectorUrl: string, contains = 'MIR-'): Promise<SummaryRow[]> {
  const url = new URL('/query/requests-summary', collectorUrl);
  url.searchParams.set('contains', contains);
  const response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`${url.href} answered ${response.status}`);
  const body = (await response.json()) as { rows?: SummaryRow[] };
  if (!Array.isArray(body.rows)) throw new Error(`${url.href} answered without a rows array`);
  return body.rows;
}

/**
 * Polls the collector's summary until the scenario's expectations all hold; throws
 * ScenarioExpectationError with the last unmet ones at the deadline.
 */
export async function verifyScenario(options: VerifyOptions): Promise<SummaryRow[]> {
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS);
  let unmet: string[] = ['the collector never answered'];
  let rows: SummaryRow[] = [];
  for (;;) {
    try {
      rows = await fetchSummary(options.collectorUrl, options.contains);
      unmet = unmetExpectations(options.scenario, rows);
      if (unmet.length === 0) return rows;
    } catch (error) {
      unmet = [(error as Error).message];
    }
    if (Date.now() + POLL_INTERVAL_MS > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new ScenarioExpectationError(options.scenario, [...unmet, `last summary:\n${formatSummary(rows)}`]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { collector: { type: 'string' }, scenario: { type: 'string' }, 'timeout-ms': { type: 'string' } },
  });
  const scenario = values.scenario as Scenario | undefined;
  if (values.collector === undefined || scenario === undefined || !SCENARIOS.includes(scenario)) {
    process.stderr.write(`usage: verify-scenario --collector http://host:port --scenario ${SCENARIOS.join('|')} [--timeout-ms N]\n`);
    process.exit(2);
  }
  const timeoutMs = values['timeout-ms'] === undefined ? undefined : Number(values['timeout-ms']);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
    process.stderr.write('verify-scenario: --timeout-ms must be a positive integer\n');
    process.exit(2);
  }
  try {
    const rows = await verifyScenario({ collectorUrl: values.collector, scenario, timeoutMs });
    process.stdout.write(`${formatSummary(rows)}\n${scenario}: every expectation holds\n`);
  } catch (error) {
    process.stderr.write(`verify-scenario: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

if (require.main === module) void main();
