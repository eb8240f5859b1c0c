// The suite's hands inside the client namespace: JSON lines on stdin ({id, op: "get", url,
// method} or {id, op: "load", options}), one JSON line per answer on stdout ({id, result} or
// {id, error}). The test process cannot enter a namespace itself; this keeps every packet of a
// network scenario between the namespaces the suite made.
import { createInterface } from 'node:readline';
import { localGet } from '../processes/http-get';
import { steadyLoad, type SteadyLoadOptions } from './steady-load';

interface Command {
  readonly id: number;
  readonly op: 'get' | 'load';
  readonly url?: string;
  readonly method?: 'GET' | 'PUT';
  readonly options?: SteadyLoadOptions;
}

async function execute(command: Command): Promise<unknown> {
  if (command.op === 'get') return localGet(command.url as string, command.method);
  return steadyLoad(command.options as SteadyLoadOptions);
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line) as Command;
  execute(command).then(
    (result) => process.stdout.write(`${JSON.stringify({ id: command.id, result })}\n`),
    (error: unknown) =>
      process.stdout.write(`${JSON.stringify({ id: command.id, error: (error as { code?: string }).code ?? (error as Error).message })}\n`),
  );
});
process.stdin.once('end', () => process.exit(0));
