import { useState } from 'react';
import type { DashboardWindow, MeshDashboard } from '../../../src/mesh/mesh-dashboard.dto';
import { BarChart } from '../dashboard/bar-chart';
import { chartFigures } from '../dashboard/chart-figures';
import { CollectorTable } from '../dashboard/collector-table';
import { DiffSection } from '../dashboard/diff-section';
import { formatMs, formatRate } from '../dashboard/format';
import { ServingVersions } from '../dashboard/serving-versions';
import { TrafficGraph } from '../dashboard/traffic-graph';
import { TrafficTable } from '../dashboard/traffic-table';
import { usePolling } from '../dashboard/use-polling';
import { VersionTable } from '../dashboard/version-table';
import { WINDOW_LABELS, WindowSelect } from '../dashboard/window-select';
import { LogAnalyticsSection } from '../log-analytics/log-analytics-section';

/** How often the dashboard refreshes. */
export const DASHBOARD_REFRESH_MS = 3000;
/** The window shown first: the server's default, the collector window the page always had. */
const INITIAL_WINDOW: DashboardWindow = '15m';

/** Live versus mirror, refreshed every few seconds: the candidate's cost, seen before it serves anyone. */
export function MirrorPage() {
  const [selected, setSelected] = useState<DashboardWindow>(INITIAL_WINDOW);
  const polled = usePolling<MeshDashboard>(`/_mesh/dashboard?window=${selected}`, DASHBOARD_REFRESH_MS);
  // Numbers of another window stay on screen only until the new window's first answer.
  const d = polled.data !== null && polled.data.window === selected ? polled.data : null;
  const windowLabel = WINDOW_LABELS[selected];
  const charts = d === null ? null : chartFigures(d);
  return (
    <>
      <h1>Mirror</h1>
      <p className="muted" role="status" aria-live="polite">
        {polled.error !== null
          ? 'The dashboard could not refresh; showing the last numbers.'
          : d === null
            ? 'Loading…'
            : `Updated ${new Date(d.generatedAt).toLocaleTimeString()}; refreshes every ${DASHBOARD_REFRESH_MS / 1000} s.`}
      </p>
      <WindowSelect value={selected} onChange={setSelected} />
      {d !== null && charts !== null && (
        <>
          <ServingVersions serving={d.serving} />
          <section aria-labelledby="graph-heading">
            <h2 id="graph-heading">Traffic</h2>
            <TrafficGraph dashboard={d} />
          </section>
          <section aria-labelledby="versions-heading">
            <h2 id="versions-heading">
              Per version, <span data-testid="window-label">{windowLabel.toLowerCase()}</span>
            </h2>
            <p className="muted">
              From {new Date(d.windowStart).toLocaleTimeString()}, every version apart, each with the role it has now.
            </p>
            {d.collector.state === 'ok' ? (
              <VersionTable versions={d.versions} windowLabel={windowLabel} />
            ) : (
              <p className="muted">
                Per-version numbers over a window come from the collector; the sidecar's below count every version of a cluster together.
              </p>
            )}
            <div className="charts">
              <BarChart
                title={charts.source === 'window' ? `Duration, ${windowLabel.toLowerCase()}` : 'Duration, since start'}
                format={formatMs}
                bars={[
                  { label: 'live avg', value: charts.live.meanMs, kind: 'live' },
                  { label: 'mirror avg', value: charts.mirror.meanMs, kind: 'mirror' },
                  { label: 'live p99', value: charts.live.p99Ms, kind: 'live' },
                  { label: 'mirror p99', value: charts.mirror.p99Ms, kind: 'mirror' },
                ]}
              />
              <BarChart
                title={charts.source === 'window' ? `Error rate, ${windowLabel.toLowerCase()}` : 'Error rate, since start'}
                format={formatRate}
                minScale={0.1}
                bars={[
                  { label: 'live', value: charts.live.errorRate, kind: 'live' },
                  { label: 'mirror', value: charts.mirror.errorRate, kind: 'mirror' },
                ]}
              />
            </div>
          </section>
          <section aria-labelledby="sidecar-heading">
            <h2 id="sidecar-heading">Live and mirror, this front end's sidecar</h2>
            <p className="muted">
              Since it started at {new Date(d.startedAt).toLocaleTimeString()}, per cluster: every version a cluster served counts together.
            </p>
            <TrafficTable rows={[d.live, d.mirror]} />
            {d.droppedMirrors > 0 && (
              <p className="warning">{d.droppedMirrors} mirror copies were dropped (in-flight cap or body too large).</p>
            )}
          </section>
          <DiffSection report={d.answers} />
          <section aria-labelledby="collector-heading">
            <h2 id="collector-heading">Per operation and version (collector), {windowLabel.toLowerCase()}</h2>
            <CollectorTable collector={d.collector} />
          </section>
        </>
      )}
      {/* Outside the dashboard's answer: a query needs none of it, and must not reset when it refreshes. */}
      <LogAnalyticsSection />
    </>
  );
}
