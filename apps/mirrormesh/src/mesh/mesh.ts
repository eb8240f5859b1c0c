import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { certificatePath, localConnectionString, telemetryStoragePaths } from '@mirrormesh/collector';
import { PortBusyError } from '../errors';
import { appEntry } from './app-entry';
import { freePort, probePort } from './free-port';
import { type Exit, ManagedProcess } from './managed-process';
import { meshProxyConfig } from './proxy-config';
import { LIVE_VERSION_TAG, SCENARIOS, type MirrorVersion, type ScenarioName } from './scenarios';
import { comparesAnswers, NOISE_CLUSTER } from './shadow-diff';

export const MESH_DEFAULTS = {
  host: '127.0.0.1',
  frontEndPort: 8080,
  /** Time the front end gets to pick up a rewritten proxy config before the old mirror stops. */
  configSettleMs: 1500,
} as const;

export interface MeshOptions {
  readonly scenario: ScenarioName;
  readonly host?: string;
  readonly frontEndPort?: number;
  /** Logs, the proxy config and the collector's data live here. */
  readonly stateDir: string;
  readonly say?: (line: string) => void;
  /** Aborts start-up (and a rollout) between and during the waits for readiness. */
  readonly signal?: AbortSignal;
}

/** How one app of the mesh ended when the mesh stopped. */
export interface StoppedApp {
  readonly name: string;
  readonly exit: Exit;
}

export interface MeshUrls {
  readonly frontEnd: string;
  /** The front end's in-process sidecar admin API (loopback): stats, config, diff, route weights. */
  readonly admin: string;
  readonly collector: string;
  readonly bookservice: string;
  readonly bookservicemirror: string | undefined;
  /** The noise instance, where the sidecar compares answers. */
  readonly bookservicelive2: string | undefined;
}

/**
 * The reference scenario as plain processes on one machine: the collector, the live book
 * service, the scenario's mirror, and the front end whose in-process sidecar mirrors
 * `bookservice` to `bookservicemirror`. Where the sidecar compares answers, a second live
 * instance (`bookservicelive2`) gives it the noise.
 */
export class Mesh {
  private constructor(
    private readonly options: Required<Omit<MeshOptions, 'say'>> & { say: (line: string) => void },
    private scenarioName: ScenarioName,
    private readonly collector: ManagedProcess,
    private readonly collectorUrl: string,
    private readonly telemetryEnv: Readonly<Record<string, string>>,
    private readonly live: ManagedProcess,
    private mirror: ManagedProcess | undefined,
    private noise: ManagedProcess | undefined,
    private frontEnd: ManagedProcess | undefined,
  ) {}

  private adminUrl = '';

  get scenario(): ScenarioName {
    return this.scenarioName;
  }

  /** The VersionTag of the mirror serving now, if any. */
  get mirrorVersionTag(): string | undefined {
    return this.mirror === undefined ? undefined : SCENARIOS[this.scenarioName].mirror?.versionTag;
  }

  get urls(): MeshUrls {
    return {
      frontEnd: this.frontEnd?.spec.readyUrl.replace(/\/health\/ready$/, '') ?? '',
      admin: this.adminUrl,
      collector: this.collectorUrl,
      bookservice: baseUrl(this.live),
      bookservicemirror: this.mirror === undefined ? undefined : baseUrl(this.mirror),
      bookservicelive2: this.noise === undefined ? undefined : baseUrl(this.noise),
    };
  }

  static async start(options: MeshOptions): Promise<Mesh> {
    const opts = {
      host: options.host ?? MESH_DEFAULTS.host,
      frontEndPort: options.frontEndPort ?? MESH_DEFAULTS.frontEndPort,
      stateDir: options.stateDir,
      scenario: options.scenario,
      say: options.say ?? (() => undefined),
      signal: options.signal ?? new AbortController().signal,
    };
    mkdirSync(join(opts.stateDir, 'logs'), { recursive: true });
    await probePort(opts.host, opts.frontEndPort).catch(() => {
      throw new PortBusyError('the front end', opts.host, opts.frontEndPort, '--port');
    });
    const started: ManagedProcess[] = [];
    try {
      const { process: collector, queryUrl, telemetryEnv } = await startCollector(opts);
      started.push(collector);
      opts.say(`collector          ${queryUrl}  (telemetry summary: ${queryUrl}/query/requests-summary?contains=MIR-)`);
      const live = await startBookService(opts, 'bookservice', { versionTag: LIVE_VERSION_TAG, variant: 'live' }, telemetryEnv);
      started.push(live);
      opts.say(`bookservice        ${baseUrl(live)}  ${LIVE_VERSION_TAG}`);
      const mirrorVersion = SCENARIOS[opts.scenario].mirror;
      const mirror =
        mirrorVersion === undefined ? undefined : await startBookService(opts, 'bookservicemirror', mirrorVersion, telemetryEnv);
      if (mirror !== undefined) {
        started.push(mirror);
        opts.say(`bookservicemirror  ${baseUrl(mirror)}  ${mirrorVersion?.versionTag}`);
      }
      const noise = comparesAnswers(SCENARIOS[opts.scenario]) ? await startNoiseInstance(opts) : undefined;
      if (noise !== undefined) {
        started.push(noise);
        opts.say(`${NOISE_CLUSTER.padEnd(19)}${baseUrl(noise)}  ${LIVE_VERSION_TAG} (noise for the answer comparison)`);
      }
      const mesh = new Mesh(opts, opts.scenario, collector, queryUrl, telemetryEnv, live, mirror, noise, undefined);
      mesh.writeProxyConfig();
      const adminPort = await freePort(opts.host);
      mesh.frontEnd = await startFrontEnd(opts, mesh.proxyConfigFile, adminPort, queryUrl, telemetryEnv);
      mesh.adminUrl = `http://${opts.host}:${adminPort}`;
      started.push(mesh.frontEnd);
      opts.say(`bookinfo-spa       ${mesh.urls.frontEnd}  (mirroring ${mirror === undefined ? 'off' : 'bookservice → bookservicemirror'})`);
      opts.say(`sidecar admin      ${mesh.urls.admin}  (stats, config, answer diff, route weights: mirrormesh diff, canary)`);
      return mesh;
    } catch (error) {
      for (const process of started.reverse()) await process.stop();
      throw error;
    }
  }

  /** Replaces only the mirror with the scenario's version: live traffic never touches it. */
  async rollout(scenario: ScenarioName): Promise<void> {
    const version = SCENARIOS[scenario].mirror;
    const old = this.mirror;
    const oldNoise = comparesAnswers(SCENARIOS[scenario]) ? undefined : this.noise;
    this.mirror = version === undefined ? undefined : await startBookService(this.options, 'bookservicemirror', version, this.telemetryEnv);
    if (oldNoise !== undefined) this.noise = undefined;
    else this.noise ??= comparesAnswers(SCENARIOS[scenario]) ? await startNoiseInstance(this.options) : undefined;
    this.scenarioName = scenario;
    this.writeProxyConfig();
    this.options.say(
      `rollout: ${scenario}: bookservicemirror ${this.mirror === undefined ? 'removed' : `${baseUrl(this.mirror)} ${version?.versionTag}`}`,
    );
    // In-flight copies to the old mirror finish: it drains on SIGTERM like every app.
    await sleep(MESH_DEFAULTS.configSettleMs);
    await old?.stop();
    await oldNoise?.stop();
  }

  /** Stops the apps that serve traffic; telemetry is flushed to the collector as each exits. */
  async stopTraffic(): Promise<StoppedApp[]> {
    const front = this.frontEnd === undefined ? [] : [await stopped(this.frontEnd)];
    const books = await Promise.all([this.live, this.mirror, this.noise].filter((app) => app !== undefined).map(stopped));
    return [...front, ...books];
  }

  /** Front end first (no new traffic), then the book services, the collector last (it receives their telemetry). */
  async stop(): Promise<StoppedApp[]> {
    const traffic = await this.stopTraffic();
    return [...traffic, await stopped(this.collector)];
  }

  private get proxyConfigFile(): string {
    return join(this.options.stateDir, 'proxy-config.json');
  }

  /** Atomic rename, so the front end's file watcher never reads half a config. */
  private writeProxyConfig(): void {
    const config = meshProxyConfig({
      live: hostPort(this.live),
      mirror: this.mirror === undefined ? undefined : hostPort(this.mirror),
      noise: this.noise === undefined ? undefined : hostPort(this.noise),
    });
    writeFileSync(`${this.proxyConfigFile}.tmp`, `${JSON.stringify(config, null, 2)}\n`);
    renameSync(`${this.proxyConfigFile}.tmp`, this.proxyConfigFile);
  }
}

type Opts = Required<Omit<MeshOptions, 'say'>> & { say: (line: string) => void };

async function startCollector(opts: Opts) {
  const port = await freePort(opts.host);
  const queryPort = await freePort(opts.host);
  const dataDir = join(opts.stateDir, 'collector');
  // Each `up` reports on its own run: yesterday's requests would blur today's comparison.
  for (const path of telemetryStoragePaths(dataDir)) rmSync(path, { recursive: true, force: true });
  const process = await ManagedProcess.start(
    {
      name: 'collector',
      entry: appEntry('collector'),
      env: { HOST: opts.host, PORT: String(port), QUERY_PORT: String(queryPort), DATA_DIR: dataDir, LOG_FORMAT: 'common' },
      readyUrl: `http://${opts.host}:${queryPort}/health/ready`,
      logFile: join(opts.stateDir, 'logs', 'collector.log'),
    },
    opts.signal,
  );
  return { process, queryUrl: `http://${opts.host}:${queryPort}`, telemetryEnv: telemetryEnvFor(dataDir, `https://${opts.host}:${port}/`) };
}

/** What a service needs to send telemetry to the local collector: its endpoint, and trust in its certificate. */
function telemetryEnvFor(collectorDataDir: string, trackUrl: string): Record<string, string> {
  return {
    APPLICATIONINSIGHTS_CONNECTION_STRING: localConnectionString(trackUrl),
    NODE_EXTRA_CA_CERTS: certificatePath(collectorDataDir),
  };
}

async function startBookService(opts: Opts, name: string, version: MirrorVersion, telemetryEnv: Record<string, string>) {
  const port = await freePort(opts.host);
  return ManagedProcess.start(
    {
      name,
      entry: appEntry('book-service'),
      env: {
        ...telemetryEnv,
        HOST: opts.host,
        PORT: String(port),
        VERSION_TAG: version.versionTag,
        BOOK_SERVICE_VARIANT: version.variant,
        LOG_FORMAT: 'common',
      },
      readyUrl: `http://${opts.host}:${port}/health/ready`,
      logFile: join(opts.stateDir, 'logs', `${name}-${version.versionTag}.log`),
    },
    opts.signal,
  );
}

/**
 * The live version again, as the noise cluster. Without telemetry: it only ever answers copies,
 * and the lab's query counts what users asked of live.
 */
function startNoiseInstance(opts: Opts) {
  return startBookService(opts, NOISE_CLUSTER, { versionTag: LIVE_VERSION_TAG, variant: 'live' }, {});
}

async function startFrontEnd(
  opts: Opts,
  proxyConfigFile: string,
  adminPort: number,
  collectorUrl: string,
  telemetryEnv: Record<string, string>,
) {
  return ManagedProcess.start(
    {
      name: 'bookinfo-spa',
      entry: appEntry('bookinfo-spa'),
      env: {
        ...telemetryEnv,
        HOST: opts.host,
        PORT: String(opts.frontEndPort),
        SIDECAR_CONFIG: proxyConfigFile,
        ADMIN_PORT: String(adminPort),
        COLLECTOR_URL: collectorUrl,
        LOG_FORMAT: 'common',
      },
      readyUrl: `http://${opts.host}:${opts.frontEndPort}/health/ready`,
      logFile: join(opts.stateDir, 'logs', 'bookinfo-spa.log'),
    },
    opts.signal,
  );
}

async function stopped(app: ManagedProcess): Promise<StoppedApp> {
  return { name: app.spec.name, exit: await app.stop() };
}

function baseUrl(process: ManagedProcess): string {
  return process.spec.readyUrl.replace(/\/health\/ready$/, '');
}

function hostPort(process: ManagedProcess): string {
  return new URL(baseUrl(process)).host;
}
