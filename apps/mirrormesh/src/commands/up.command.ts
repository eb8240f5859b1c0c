import { once } from 'node:events';
import { MeshError, UsageError } from '../errors';
import { startControlServer } from '../control/control-server';
import { Mesh, MESH_DEFAULTS } from '../mesh/mesh';
import { stopStatus } from '../mesh/stop-status';
import { readMeshState, removeMeshState, writeMeshState } from '../mesh/mesh-state';
import { DEFAULT_SCENARIO, isScenarioName, SCENARIO_NAMES, SCENARIOS } from '../mesh/scenarios';
import { parseArgs } from 'node:util';
import { numberOption, withUsageErrors } from './command-line';
import { type CommandContext } from './command-context';

export const UP_USAGE = `mirrormesh up [--scenario ${SCENARIO_NAMES.join('|')}] [--port ${MESH_DEFAULTS.frontEndPort}]

Runs the whole mesh as local processes: the telemetry collector, the live book service, the
scenario's mirror, and the front end mirroring bookservice to bookservicemirror.
Default scenario: ${DEFAULT_SCENARIO}.

Ctrl-C, or SIGINT or SIGTERM to this process (or to "npm start", which passes them on), stops the
mesh: the front end drains first, then the book services, the collector last; each flushes its
telemetry. Exit code 0 when every app exited 0, 1 when one did not (named), 130 when a signal
came during start-up. A second signal kills what is left at once.`;

export async function upCommand(argv: readonly string[], ctx: CommandContext): Promise<number> {
  const { values } = withUsageErrors('up', () =>
    parseArgs({ args: [...argv], strict: true, options: { scenario: { type: 'string' }, port: { type: 'string' } } }),
  );
  const scenario = values.scenario ?? DEFAULT_SCENARIO;
  if (!isScenarioName(scenario))
    throw new UsageError(`mirrormesh up: --scenario must be one of ${SCENARIO_NAMES.join(', ')} (got ${JSON.stringify(scenario)})`);
  const port = numberOption('up', 'port', values.port, { min: 1, max: 65535, integer: true }, MESH_DEFAULTS.frontEndPort);
  const running = readMeshState(ctx.stateDir);
  if (running !== undefined)
    throw new MeshError(`a mesh is already running from ${ctx.stateDir} (pid ${running.pid}, ${running.frontEndUrl}); stop it first`);

  const say = (line: string) => ctx.stdout.write(`${line}\n`);
  say(`mirrormesh: starting ${scenario} (${SCENARIOS[scenario].description}); logs in ${ctx.stateDir}/logs`);
  const mesh = await Mesh.start({ scenario, frontEndPort: port, stateDir: ctx.stateDir, say, signal: ctx.signal });
  const startedAt = new Date().toISOString();
  let controlUrl = '';
  // Rewritten after each rollout, so other commands (and people) read the mirror serving now.
  const recordState = () =>
    writeMeshState(ctx.stateDir, {
      pid: process.pid,
      scenario: mesh.scenario,
      mirrorVersionTag: mesh.mirrorVersionTag,
      mirrorUrl: mesh.urls.bookservicemirror,
      controlUrl,
      frontEndUrl: mesh.urls.frontEnd,
      adminUrl: mesh.urls.admin,
      collectorUrl: mesh.urls.collector,
      startedAt,
      updatedAt: new Date().toISOString(),
    });
  const control = await startControlServer(mesh, MESH_DEFAULTS.host, recordState);
  controlUrl = control.url;
  recordState();
  say('');
  say(`ready: open ${mesh.urls.frontEnd}`);
  say('  traffic   npm run poll -- --rate 20 --duration 30s');
  say('  rollout   npm run mirrormesh -- rollout v4-fault');
  say('  report    npm run report');
  say('Ctrl-C stops the mesh.');
  if (!ctx.signal.aborted) await once(ctx.signal, 'abort');
  const cause = typeof ctx.signal.reason === 'string' ? ctx.signal.reason : 'interrupt';
  say(`\nmirrormesh: ${cause} received: stopping (draining requests, flushing telemetry)…`);
  await control.close();
  const status = stopStatus(cause, await mesh.stop());
  removeMeshState(ctx.stateDir);
  say(status.line);
  return status.code;
}
