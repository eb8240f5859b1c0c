import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ENTRIES } from '../app-entries';
import { startNode, waitUntil, type Child } from './child-process';
import { localGet, type HttpGet } from './http-get';

export interface SidecarProcessOptions {
  /** The sidecar's config as JSON (listener and admin addresses included). */
  readonly config: { readonly listener: { host: string; port: number }; readonly admin: { host: string; port: number } };
  readonly netns?: string;
  /** How to reach its admin: from this process, or from inside a namespace. */
  readonly get?: HttpGet;
  readonly env?: Readonly<Record<string, string>>;
}

/** The real sidecar (`apps/sidecar/dist/main.js --config FILE`) as a child process, ready when its admin says so. */
export interface SidecarProcess {
  readonly child: Child;
  readonly listenerUrl: string;
  readonly adminUrl: string;
  /** GET /metrics (Prometheus text). */
  metrics(): Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startSidecarProcess(options: SidecarProcessOptions): Promise<SidecarProcess> {
  const get = options.get ?? localGet;
  const dir = mkdtempSync(join(tmpdir(), 'mirrormesh-chaos-sidecar-'));
  const configFile = join(dir, 'sidecar.json');
  writeFileSync(configFile, JSON.stringify(options.config, null, 2));
  const child = startNode('sidecar', APP_ENTRIES.sidecar, ['--config', configFile], {
    cwd: dir,
    netns: options.netns,
    env: { LOG_FORMAT: 'json', WATCH_CONFIG: 'false', ...options.env },
    // Its access log under load: read by nobody, it would cost the process that runs the load.
    stdout: 'ignore',
  });
  void child.exited.then(() => rmSync(dir, { recursive: true, force: true }));
  const bound = await boundAddresses(child, options.config);
  const adminUrl = `http://${bound.admin}`;
  await waitUntil('sidecar ready', async () => (await get(`${adminUrl}/health/ready`)).status === 200, { child });
  return {
    child,
    listenerUrl: `http://${bound.listener}`,
    adminUrl,
    async metrics() {
      const response = await get(`${adminUrl}/metrics`);
      if (response.status !== 200) throw new Error(`sidecar /metrics answered ${response.status}`);
      return response.body;
    },
    stop: (signal) => child.stop(signal),
  };
}

/** The sidecar's lifecycle line once it listens: `{"msg":"listening","listener":"host:port","admin":"host:port",...}`. */
const LISTENING = /"msg":"listening","listener":"([^"]+)","admin":"([^"]+)"/;

/**
 * Where the sidecar listens. Port 0 lets the kernel choose, read back from the sidecar's own
 * "listening" line: a port that a test picks free and hands over can be taken by someone else
 * before the sidecar binds it (EADDRINUSE seen in CI).
 */
async function boundAddresses(child: Child, config: SidecarProcessOptions['config']): Promise<{ listener: string; admin: string }> {
  const { listener, admin } = config;
  if (listener.port !== 0 && admin.port !== 0)
    return { listener: `${listener.host}:${listener.port}`, admin: `${admin.host}:${admin.port}` };
  let found: RegExpExecArray | null = null;
  await waitUntil('sidecar listening', () => Promise.resolve((found = LISTENING.exec(child.output())) !== null), { child });
  const match = found as RegExpExecArray | null;
  if (match === null) throw new Error('sidecar said it listened, but not where');
  return { listener: match[1] as string, admin: match[2] as string };
}
