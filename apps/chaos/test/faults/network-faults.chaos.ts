// Real network faults between hosts: client, sidecar, live and mirror each in a network namespace
// of their own, on one bridge, in a private /24 that exists only there. A partitioned mirror
// (connects hang), a slow and lossy mirror and a slow live; the expectations of the mirror-fault
// scenarios hold. Skipped, with the reason printed, where namespaces or netem cannot be made.
import { faultSidecarConfig, MIRROR_CLUSTER, ROUTE } from '../../src/faults/fault-config';
import { runFaultScenario, type FaultRunTarget } from '../../src/faults/fault-run';
import { createNetworkLab, probeLabCapabilities, type NetworkLab } from '../../src/faults/network-lab';
import { stopAllStarted } from '../../src/processes/child-process';
import {
  CALM_THEN_FAULT,
  expectCopiesEndAtMirrorTimeout,
  expectLiveUntouchedAndAccounted,
  recordRun,
  SCENARIO_TIMEOUT_MS,
} from './fault-expectations';
import { startFaultServer } from '../../src/processes/fault-server-process';
import { startNsClient, type NsClient } from '../../src/processes/ns-client';
import { startSidecarProcess, type SidecarProcess } from '../../src/processes/sidecar-process';

const capabilities = probeLabCapabilities();
const describeLab = capabilities.namespacesMissing === undefined ? describe : describe.skip;
const itNetem = capabilities.netemMissing === undefined ? it : it.skip;
if (capabilities.namespacesMissing !== undefined) console.warn(`network faults skipped: ${capabilities.namespacesMissing}`);
else if (capabilities.netemMissing !== undefined)
  console.warn(`network faults: latency and loss scenarios skipped: ${capabilities.netemMissing}`);

const PORT = 8080;
const LIVE_DELAY_MS = 50;

describeLab('network faults between namespaces (real sidecar, live and mirror as separate hosts)', () => {
  let lab: NetworkLab;
  let client: NsClient;
  /** What the running scenario started (sidecar, live, mirror), stopped by pid after it. */
  const hosts: { stop(): Promise<void> }[] = [];

  beforeAll(() => {
    lab = createNetworkLab();
    client = startNsClient(lab.netns('client'));
  });

  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((host) => host.stop()));
    lab.heal();
  });

  afterAll(async () => {
    await stopAllStarted();
    lab.teardown();
  });

  async function startHosts(): Promise<FaultRunTarget> {
    const server = (host: 'live' | 'mirror') =>
      startFaultServer({ name: host, host: lab.address(host), port: PORT, netns: lab.netns(host), get: client.get });
    hosts.push(...(await Promise.all([server('live'), server('mirror')])));
    const config = faultSidecarConfig({
      listener: { host: lab.address('sidecar'), port: 15001 },
      admin: { host: lab.address('sidecar'), port: 15000 },
      live: [`${lab.address('live')}:${PORT}`],
      mirror: `${lab.address('mirror')}:${PORT}`,
    });
    // Its admin listens on the namespace's address, beyond loopback: as in production, that needs a token.
    const env = { ADMIN_TOKEN: 'chaos-network-faults-admin-token' };
    const started: SidecarProcess = await startSidecarProcess({ config, netns: lab.netns('sidecar'), get: client.get, env });
    hosts.push(started);
    return {
      url: `${started.listenerUrl}/books/1`,
      route: ROUTE,
      mirrorCluster: MIRROR_CLUSTER,
      metrics: () => started.metrics(),
      load: (options) => client.load(options),
    };
  }

  it(
    'a partitioned mirror (packets vanish, connects hang): copies end at the mirror timeout even while connecting',
    async () => {
      const target = await startHosts();
      let how = '';
      const run = await runFaultScenario(target, {
        ...CALM_THEN_FAULT,
        inject: async () => {
          how = lab.partitionMirror(capabilities.dropMethod);
        },
      });
      recordRun('network partitioned mirror', run, `partition by ${how}`);
      expectLiveUntouchedAndAccounted(run);
      // The mirror timeout (3 s), not the connect timeout (5 s), ends a copy still connecting. A
      // keep-alive connection the mirror closed as the partition began may end as a reset; after
      // 5 connection failures the breaker drops copies as unreachable.
      expectCopiesEndAtMirrorTimeout(run, { alsoFailed: ['upstream_reset'], reasons: ['inflight_cap', 'unreachable'] });
    },
    SCENARIO_TIMEOUT_MS,
  );

  itNetem(
    '200 ms latency and 5 % loss to the mirror: live unaffected, every copy accounted for',
    async () => {
      const target = await startHosts();
      const run = await runFaultScenario(target, {
        ...CALM_THEN_FAULT,
        inject: async () => lab.netem('mirror', ['delay', '200ms', 'loss', '5%']),
      });
      recordRun('network slow lossy mirror', run, 'netem delay 200ms loss 5% on the mirror');
      expectLiveUntouchedAndAccounted(run);
      expect(run.phase.answered).toBeGreaterThan(0);
    },
    SCENARIO_TIMEOUT_MS,
  );

  itNetem(
    `${LIVE_DELAY_MS} ms latency to live: live p99 grows by the latency and no more, mirror unaffected`,
    async () => {
      const target = await startHosts();
      const run = await runFaultScenario(target, {
        ...CALM_THEN_FAULT,
        inject: async () => lab.netem('live', ['delay', `${LIVE_DELAY_MS}ms`]),
      });
      // A new connection pays the delay twice (handshake, then the answer).
      recordRun('network slow live', run, `netem delay ${LIVE_DELAY_MS}ms on live`, 2 * LIVE_DELAY_MS);
      expectLiveUntouchedAndAccounted(run, 2 * LIVE_DELAY_MS);
      expect(run.phase.answered).toBe(run.phase.live);
    },
    SCENARIO_TIMEOUT_MS,
  );
});
