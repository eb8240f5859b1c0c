import { runReport } from '@mirrormesh/collector';
import { readMeshState } from '../mesh/mesh-state';
import { type CommandContext } from './command-context';

export const REPORT_USAGE = `mirrormesh report [--json] [--url URL] [--contains MIR-] [--since 15m]

Prints the live-vs-mirror table (the lab's Log Analytics query) from the local collector:
the running mesh's, unless --url or COLLECTOR_URL names another.`;

export function reportCommand(argv: readonly string[], ctx: CommandContext): Promise<number> {
  const collectorUrl = readMeshState(ctx.stateDir)?.collectorUrl;
  const named = argv.some((arg) => arg === '--url' || arg.startsWith('--url=')) || (process.env.COLLECTOR_URL ?? '') !== '';
  const args = named || collectorUrl === undefined ? argv : ['--url', collectorUrl, ...argv];
  return runReport(args, { out: (text) => ctx.stdout.write(text), err: (text) => ctx.stderr.write(text), env: process.env });
}
