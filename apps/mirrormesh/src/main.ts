#!/usr/bin/env node
import { resolve } from 'node:path';
import { CANARY_USAGE, canaryCommand } from './commands/canary.command';
import { type CommandContext } from './commands/command-context';
import { DIFF_USAGE, diffCommand } from './commands/diff.command';
import { LAB_USAGE, labCommand } from './commands/lab.command';
import { POLL_USAGE, pollCommand } from './commands/poll.command';
import { QUERY_USAGE, queryCommand } from './commands/query.command';
import { REPORT_USAGE, reportCommand } from './commands/report.command';
import { ROLLOUT_USAGE, rolloutCommand } from './commands/rollout.command';
import { UP_USAGE, upCommand } from './commands/up.command';
import { CliError } from './errors';
import { killRunningProcesses } from './mesh/managed-process';

type Command = (argv: readonly string[], ctx: CommandContext) => Promise<number>;

const COMMANDS: Readonly<Record<string, { run: Command; usage: string }>> = {
  up: { run: upCommand, usage: UP_USAGE },
  rollout: { run: rolloutCommand, usage: ROLLOUT_USAGE },
  poll: { run: pollCommand, usage: POLL_USAGE },
  lab: { run: labCommand, usage: LAB_USAGE },
  report: { run: reportCommand, usage: REPORT_USAGE },
  canary: { run: canaryCommand, usage: CANARY_USAGE },
  diff: { run: diffCommand, usage: DIFF_USAGE },
  query: { run: queryCommand, usage: QUERY_USAGE },
};

const USAGE = `usage: mirrormesh <command> [options]   (mirrormesh <command> --help for its options)

commands:
  up        run the whole mesh locally (collector, live and mirror book services, front end)
  rollout   replace the running mesh's mirror with another version
  poll      generate traffic through the front end and print what users saw
  lab       run the V1-V4 lab unattended and judge it
  report    print the live-vs-mirror table from the collector
  canary    Flagger-style canary analysis through the sidecar's admin API (--shadow: on mirrored traffic only)
  diff      print the sidecar's shadow comparison: top differing paths per route
  query     run Kusto (KQL) queries over the collector's requests and dependencies, as Log Analytics does

The mesh keeps its logs and state in ./.mirrormesh (MIRRORMESH_STATE_DIR to change).`;

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(`mirrormesh: unknown command "${name.slice(0, 40)}"\n${USAGE}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  const interrupt = new AbortController();
  // First signal: stop cleanly (the reason names it). A second one is the usual "really stop
  // now": the apps are killed too, since a supervisor's signal, unlike Ctrl-C, reaches only us.
  const onSignal = (signal: NodeJS.Signals) => {
    if (!interrupt.signal.aborted) return interrupt.abort(signal);
    const killed = killRunningProcesses();
    process.stderr.write(`mirrormesh: ${signal} again: killed ${killed} app${killed === 1 ? '' : 's'} still running; exit code 130\n`);
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const stateDir = resolve(process.env.MIRRORMESH_STATE_DIR ?? '.mirrormesh');
  return command.run(rest, { stdout: process.stdout, stderr: process.stderr, stateDir, signal: interrupt.signal });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`mirrormesh: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
