import { join } from 'node:path';
import { type FaultBehaviour, type FaultTuning } from '../faults/fault-behaviours';
import { startNode, waitUntil, type Child } from './child-process';
import { localGet, type HttpGet } from './http-get';

/** The fault server's built entry (turbo builds this package before the chaos run). */
export const FAULT_SERVER_MAIN = join(__dirname, '..', '..', 'dist', 'faults', 'fault-server-main.js');

export interface FaultServerOptions {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly behaviour?: FaultBehaviour;
  readonly tuning?: Partial<FaultTuning>;
  readonly netns?: string;
  readonly get?: HttpGet;
}

/** A fault server process: its behaviour switches at run time; kill it and start it again on the same port. */
export interface FaultServer {
  readonly child: Child;
  readonly endpoint: string;
  setBehaviour(behaviour: FaultBehaviour): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startFaultServer(options: FaultServerOptions): Promise<FaultServer> {
  const get = options.get ?? localGet;
  const args = ['--host', options.host, '--port', String(options.port), '--behaviour', options.behaviour ?? 'ok'];
  const child = startNode(options.name, FAULT_SERVER_MAIN, [...args, '--tuning', JSON.stringify(options.tuning ?? {})], {
    netns: options.netns,
    stdout: 'ignore',
  });
  const base = `http://${options.host}:${options.port}`;
  await waitUntil(`${options.name} listening`, async () => (await get(`${base}/__fault`)).status === 200, { child });
  return {
    child,
    endpoint: `${options.host}:${options.port}`,
    async setBehaviour(behaviour) {
      const response = await get(`${base}/__fault?behaviour=${behaviour}`, 'PUT');
      if (response.body !== behaviour) throw new Error(`${options.name} did not switch to ${behaviour}: ${response.body}`);
    },
    stop: (signal) => child.stop(signal),
  };
}
