import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { AnalysisSpecError, UsageError } from '../errors';
import { createAdminClient } from '../canary/admin-client';
import { readAnalysisFile } from '../canary/analysis-file';
import { eventLine, intervalLine } from '../canary/canary-progress';
import { canaryExitCode, formatCanaryJson, formatCanaryReport } from '../canary/canary-report';
import { CANARY_DEFAULTS, parseCanarySpec, type CanarySpec, type RawSpec, type SpecKey } from '../canary/canary-spec';
import { parseLoad, startLoad } from '../canary/load-driver';
import { runCanary } from '../canary/run-canary';
import { adminUrlOf } from '../canary/admin-url';
import { readMeshState } from '../mesh/mesh-state';
import { withUsageErrors } from './command-line';
import { type CommandContext } from './command-context';

export const CANARY_USAGE = `mirrormesh canary --primary CLUSTER --canary CLUSTER [options]
mirrormesh canary -f analysis.yaml [options]

Flagger's analysis loop against the sidecar's admin API: each interval it reads the canary's
success rate (5xx and failed exchanges count as failures) and p99 for that interval only; a
healthy check shifts --step-weight more traffic to the canary, --threshold failed checks roll
back to 100 % primary, a healthy check at --max-weight promotes (canary 100 %). Ctrl-C rolls back.
  --primary, --canary   the clusters (as the sidecar's config names them)
  --route               the route to shift (default: the only one whose destinations include the primary)
  --admin               the sidecar's admin API (default: the running mesh's); ADMIN_TOKEN is sent as a bearer token
  --step-weight N       percent added per healthy check (default ${CANARY_DEFAULTS.stepWeight})
  --max-weight N        the share at which a healthy check promotes (default ${CANARY_DEFAULTS.maxWeight})
  --interval 10s        time between checks (default ${CANARY_DEFAULTS.intervalMs / 1000}s)
  --threshold N         failed checks before rollback (default ${CANARY_DEFAULTS.threshold})
  --min-success-rate 99 percent of requests that must not fail (default ${CANARY_DEFAULTS.minSuccessRate})
  --max-p99 500ms       the highest p99 allowed (default ${CANARY_DEFAULTS.maxP99Ms}ms)
  --load "ARGS"         drive traffic while it runs: mirrormesh poll's --url, --rate, --books, --user
  --shadow              analyse mirrored traffic only: no weight changes, the canary serves no user;
                        compares the mirror with live and passes after max-weight/step-weight healthy checks
  --max-diff-rate 1%    shadow mode: the highest share of compared pairs differing on one non-noise path
  --json                print the final report as JSON
  -f, --file FILE       the same fields in YAML (camelCase: stepWeight, maxP99, ...); flags given too win

Exit code: 0 promoted (shadow: the gate passed), 1 rolled back (shadow: the gate failed) or the
admin API failed, 2 for a wrong command line or analysis file, 130 when interrupted (rolled back).`;

/** Flag → spec key. */
const FLAGS: Readonly<Record<string, SpecKey>> = {
  primary: 'primary',
  canary: 'canary',
  route: 'route',
  admin: 'admin',
  'step-weight': 'stepWeight',
  'max-weight': 'maxWeight',
  interval: 'interval',
  threshold: 'threshold',
  'min-success-rate': 'minSuccessRate',
  'max-p99': 'maxP99',
  shadow: 'shadow',
  'max-diff-rate': 'maxDiffRate',
  load: 'load',
  json: 'json',
};
const BOOLEAN_FLAGS = new Set(['shadow', 'json']);
const flagOf = (key: SpecKey) => Object.entries(FLAGS).find(([, k]) => k === key)?.[0] ?? key;

/** `--load "--rate 20"`: its value starts with a dash, which parseArgs takes for a missing value. */
function joinLoadValue(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (arg === '--load' && next !== undefined) {
      args.push(`--load=${next}`);
      i += 1;
    } else args.push(arg);
  }
  return args;
}

/** The analysis a command line asks for (flags over `-f FILE`); a UsageError says what is wrong. */
export function parseCanaryCommandLine(argv: readonly string[]): CanarySpec {
  const options = Object.fromEntries(
    Object.keys(FLAGS).map((flag) => [flag, { type: BOOLEAN_FLAGS.has(flag) ? 'boolean' : 'string' } as const]),
  );
  const { values } = withUsageErrors('canary', () =>
    parseArgs({ args: joinLoadValue(argv), strict: true, options: { ...options, file: { type: 'string', short: 'f' } } }),
  );
  const given = values as Readonly<Record<string, string | boolean | undefined>>;
  const fromFlags: RawSpec = {};
  for (const [flag, key] of Object.entries(FLAGS)) if (given[flag] !== undefined) fromFlags[key] = given[flag];
  const file = typeof given.file === 'string' ? given.file : undefined;
  try {
    const fromFile = file === undefined ? {} : readAnalysisFile(file);
    const name = (key: SpecKey) => (key in fromFlags || file === undefined ? `--${flagOf(key)}` : `${file}: ${key}`);
    return parseCanarySpec({ ...fromFile, ...fromFlags }, name);
  } catch (error) {
    if (error instanceof AnalysisSpecError) throw new UsageError(`mirrormesh canary: ${error.message}`);
    throw error;
  }
}

export async function canaryCommand(argv: readonly string[], ctx: CommandContext): Promise<number> {
  const spec = parseCanaryCommandLine(argv);
  const state = readMeshState(ctx.stateDir);
  const adminUrl = spec.admin ?? adminUrlOf(state);
  if (adminUrl === undefined)
    throw new UsageError('mirrormesh canary: give --admin, the sidecar admin API (no running mesh publishes one)');
  const load = spec.load === undefined ? undefined : parseLoad(spec.load, state?.frontEndUrl);
  const admin = createAdminClient(adminUrl, process.env.ADMIN_TOKEN);
  const mode = spec.shadow ? 'shadow' : 'weighted';
  const say = (line: string) => ctx.stderr.write(`${new Date().toISOString().slice(11, 23)} ${line}\n`);
  const driver = load === undefined ? undefined : startLoad(load);
  let outcome;
  try {
    outcome = await runCanary(spec, {
      admin,
      signal: ctx.signal,
      sleep: (ms, signal) => sleep(ms, undefined, { signal }).catch(() => undefined),
      onEvent: (event) => say(eventLine(event, mode)),
      onInterval: (row, analysis) => say(intervalLine(row, analysis, mode)),
    });
  } finally {
    const seen = await driver?.stop();
    await admin.close();
    if (outcome === undefined && seen !== undefined) say(`load: ${seen.requests} requests, ${seen.errors} errors`);
    if (outcome !== undefined) {
      ctx.stdout.write(`${spec.json ? formatCanaryJson(outcome, seen) : formatCanaryReport(outcome, seen)}\n`);
    }
  }
  return canaryExitCode(outcome);
}
