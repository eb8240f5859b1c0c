import { request } from 'undici';
import { MeshError, NoMeshError, UsageError } from '../errors';
import { readMeshState } from '../mesh/mesh-state';
import { isScenarioName, SCENARIO_NAMES } from '../mesh/scenarios';
import { parseArgs } from 'node:util';
import { withUsageErrors } from './command-line';
import { type CommandContext } from './command-context';

export const ROLLOUT_USAGE = `mirrormesh rollout <${SCENARIO_NAMES.join('|')}>

Replaces only the running mesh's mirror with that scenario's version, as
"kubectl apply -f bookservice-V4-fault.yaml" does in the lab; live traffic is not interrupted.`;

export async function rolloutCommand(argv: readonly string[], ctx: CommandContext): Promise<number> {
  const { positionals } = withUsageErrors('rollout', () =>
    parseArgs({ args: [...argv], strict: true, allowPositionals: true, options: {} }),
  );
  const scenario = positionals[0];
  if (positionals.length !== 1 || scenario === undefined || !isScenarioName(scenario)) {
    throw new UsageError(`mirrormesh rollout: name one scenario: ${SCENARIO_NAMES.join(', ')}`);
  }
  const state = readMeshState(ctx.stateDir);
  if (state === undefined) throw new NoMeshError('rollout', ctx.stateDir);
  const response = await request(`${state.controlUrl}/rollout?scenario=${scenario}`, { method: 'POST', headersTimeout: 120_000 });
  const body = (await response.body.json()) as { message?: string; urls?: { bookservicemirror?: string } };
  if (response.statusCode !== 200) throw new MeshError(`mirrormesh rollout: ${body.message ?? `failed with ${response.statusCode}`}`);
  ctx.stdout.write(`rolled out ${scenario}: bookservicemirror ${body.urls?.bookservicemirror ?? 'removed'}\n`);
  return 0;
}
