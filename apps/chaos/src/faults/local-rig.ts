import { freePort, stopAllStarted } from '../processes/child-process';
import { startFaultServer, type FaultServer } from '../processes/fault-server-process';
import { startSidecarProcess, type SidecarProcess } from '../processes/sidecar-process';
import { type FaultBehaviour, type FaultTuning } from './fault-behaviours';
import { faultSidecarConfig, MIRROR_CLUSTER, ROUTE, type FaultConfigOptions } from './fault-config';
import { type FaultRunTarget } from './fault-run';
import { steadyLoad } from './steady-load';

const HOST = '127.0.0.1';

/** A sidecar process, its live endpoints and its mirror, all fault servers on 127.0.0.1. */
export interface LocalRig {
  readonly sidecar: SidecarProcess;
  readonly live: FaultServer[];
  mirror: FaultServer;
  readonly livePorts: readonly number[];
  readonly mirrorPort: number;
  readonly target: FaultRunTarget;
  /** Starts a fresh fault server on a live endpoint's or the mirror's port (after a kill). */
  restart(which: 'mirror' | number, behaviour?: FaultBehaviour): Promise<FaultServer>;
  close(): Promise<void>;
}

export interface LocalRigOptions {
  readonly liveCount?: number;
  readonly liveBehaviour?: FaultBehaviour;
  readonly mirrorBehaviour?: FaultBehaviour;
  readonly tuning?: Partial<FaultTuning>;
  readonly route?: Pick<FaultConfigOptions, 'routeTimeout' | 'retries'>;
}

export async function startLocalRig(options: LocalRigOptions = {}): Promise<LocalRig> {
  const livePorts = await Promise.all(Array.from({ length: options.liveCount ?? 1 }, () => freePort()));
  const mirrorPort = await freePort();
  const server = (name: string, port: number, behaviour: FaultBehaviour | undefined): Promise<FaultServer> =>
    startFaultServer({ name, host: HOST, port, behaviour, tuning: options.tuning });
  const live = await Promise.all(livePorts.map((p, i) => server(`live-${i}`, p, options.liveBehaviour)));
  const mirror = await server('mirror', mirrorPort, options.mirrorBehaviour);
  const config = faultSidecarConfig({
    // Port 0: the sidecar binds what the kernel gives and says where (no race for a port picked free).
    listener: { host: HOST, port: 0 },
    admin: { host: HOST, port: 0 },
    live: livePorts.map((p) => `${HOST}:${p}`),
    mirror: `${HOST}:${mirrorPort}`,
    ...options.route,
  });
  const sidecar = await startSidecarProcess({ config });
  const rig: LocalRig = {
    sidecar,
    live,
    mirror,
    livePorts,
    mirrorPort,
    target: {
      url: `${sidecar.listenerUrl}/books/1`,
      route: ROUTE,
      mirrorCluster: MIRROR_CLUSTER,
      metrics: () => sidecar.metrics(),
      load: steadyLoad,
    },
    async restart(which, behaviour) {
      if (which === 'mirror') return (rig.mirror = await server('mirror', mirrorPort, behaviour));
      const next = await server(`live-${which}`, livePorts[which] as number, behaviour);
      live[which] = next;
      return next;
    },
    close: stopAllStarted,
  };
  return rig;
}
