import { writeFileSync } from 'node:fs';
import { formatSummaryTable } from '@mirrormesh/collector';
import { UsageError } from '../errors';
import { queryColumns } from '../lab/lab-result';
import { LAB_DEFAULTS, runLab } from '../lab/run-lab';
import { isScenarioName, SCENARIO_NAMES, type ScenarioName } from '../mesh/scenarios';
import { parseArgs } from 'node:util';
import { numberOption, withUsageErrors } from './command-line';
import { type CommandContext } from './command-context';

export const LAB_USAGE = `mirrormesh lab [--scenario all|${SCENARIO_NAMES.join('|')}] [--requests ${LAB_DEFAULTS.requests}] [--rate ${LAB_DEFAULTS.rate}] [--out FILE]

Runs the lab unattended: for each scenario starts the mesh, polls through the front end, waits for
the telemetry, prints the Log Analytics query's table and a verdict. Exits 1 when an expectation fails.
  --out   also write [{scenario, rows, client, verdict}] as JSON to FILE`;

export async function labCommand(argv: readonly string[], ctx: CommandContext): Promise<number> {
  const { values } = withUsageErrors('lab', () =>
    parseArgs({
      args: [...argv],
      strict: true,
      options: {
        scenario: { type: 'string' },
        requests: { type: 'string' },
        rate: { type: 'string' },
        out: { type: 'string' },
      },
    }),
  );
  const which = values.scenario ?? 'all';
  if (which !== 'all' && !isScenarioName(which)) {
    throw new UsageError(`mirrormesh lab: --scenario must be all or one of ${SCENARIO_NAMES.join(', ')} (got ${JSON.stringify(which)})`);
  }
  const scenarios: readonly ScenarioName[] = which === 'all' ? SCENARIO_NAMES : [which];
  const requests = numberOption('lab', 'requests', values.requests, { min: 2, max: 1_000_000, integer: true }, LAB_DEFAULTS.requests);
  const rate = numberOption('lab', 'rate', values.rate, { min: 1, max: 5000 }, LAB_DEFAULTS.rate);
  const say = (line: string) => ctx.stdout.write(`${line}\n`);
  const results = await runLab({ scenarios, requests, rate, stateDir: ctx.stateDir, say, signal: ctx.signal });
  say('');
  for (const result of results) {
    say(`${result.scenario}:`);
    say(formatSummaryTable(result.rows).trimEnd());
    say('');
  }
  for (const result of results) say(`${result.passed ? 'PASS' : 'FAIL'} ${result.verdict}`);
  if (values.out !== undefined) {
    const json = results.map(({ scenario, rows, client, verdict }) => ({ scenario, rows: rows.map(queryColumns), client, verdict }));
    writeFileSync(values.out, `${JSON.stringify(json, null, 2)}\n`);
    say(`wrote ${values.out}`);
  }
  return results.every((r) => r.passed) && results.length === scenarios.length ? 0 : 1;
}
