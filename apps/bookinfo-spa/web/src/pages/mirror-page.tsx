import type { MeshDashboard } from '../../../src/mesh/mesh-dashboard.dto';
import { BarChart } from '../dashboard/bar-chart';
import { CollectorTable } from '../dashboard/collector-table';
import { formatMs, formatRate } from '../dashboard/format';
import { TrafficGraph } from '../dashboard/traffic-graph';
import { TrafficTable } from '../dashboard/traffic-table';
import { usePolling } from '../dashboard/use-polling';

/** How often the dashboard refreshes. */
export const DASHBOARD_REFRESH_MS = 3000;

/** Live versus mirror, refreshed every few seconds: the candidate's cost, seen before it serves anyone. */
export function MirrorPage() {
  const polled = usePolling<MeshDashboard>('/_mesh/dashboard', DASHBOARD_REFRESH_MS);
  const d = polled.data;
  return (
    <>
      <h1>Mirror</h1>
      <p className="muted" role="status" aria-live="polite">
        {polled.error !== null
          ? 'The dashboard could not refresh; showing the last numbers.'
          : polled.updatedAt === null
            ? 'Loading…'
            : `Updated ${polled.updatedAt.toLocaleTimeString()}; refreshes every ${DASHBOARD_REFRESH_MS / 1000} s.`}
      </p>
      {d !== null && (
        <>
          <section aria-labelledby="graph-heading">
            <h2 id="graph-heading">Traffic</h2>
            <TrafficGraph dashboard={d} />
          </section>
          <section aria-labelledby="sidecar-heading">
            <h2 id="sidecar-heading">Live and mirror</h2>
            <TrafficTable rows={[d.live, d.mirror]} />
            {d.droppedMirrors > 0 && (
              <p className="warning">{d.droppedMirrors} mirror copies were dropped (in-flight cap or body too large).</p>
            )}
            <div className="charts">
              <BarChart
                title="Duration"
                format={formatMs}
                bars={[
                  { label: 'live avg', value: d.live.meanMs, kind: 'live' },
                  { label: 'mirror avg', value: d.mirror.meanMs, kind: 'mirror' },
                  { label: 'live p99', value: d.live.p99Ms, kind: 'live' },
                  { label: 'mirror p99', value: d.mirror.p99Ms, kind: 'mirror' },
                ]}
              />
              <BarChart
                title="Error rate"
                format={formatRate}
                minScale={0.1}
                bars={[
                  { label: 'live', value: d.live.errorRate, kind: 'live' },
                  { label: 'mirror', value: d.mirror.errorRate, kind: 'mirror' },
                ]}
              />
            </div>
          </section>
          <section aria-labelledby="collector-heading">
            <h2 id="collector-heading">Per version (collector)</h2>
            <CollectorTable collector={d.collector} />
          </section>
        </>
      )}
    </>
  );
}
