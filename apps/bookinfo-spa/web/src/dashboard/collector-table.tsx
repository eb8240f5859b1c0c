import type { CollectorSummary } from '../../../src/mesh/mesh-dashboard.dto';
import { formatMs } from './format';
import { StatsHeader } from './stats-cells';

const COLUMNS = [
  { label: 'Operation' },
  { label: 'Version' },
  { label: 'Result' },
  { label: 'Requests', num: true },
  { label: 'Average', num: true },
  { label: 'p50', num: true },
  { label: 'p95', num: true },
  { label: 'p99', num: true },
];

/** The lab's query over every pod's telemetry, per version, when a collector is configured. */
export function CollectorTable({ collector }: { readonly collector: CollectorSummary }) {
  if (collector.state === 'not-configured') {
    return <p className="muted">No collector is configured (COLLECTOR_URL): the numbers above are this pod's sidecar only.</p>;
  }
  if (collector.state === 'unreachable') {
    return <p className="warning">The collector is not reachable right now; the numbers above are this pod's sidecar only.</p>;
  }
  if (collector.rows.length === 0) return <p className="muted">The collector has no requests from the mirrored versions yet.</p>;
  return (
    <div className="table-scroll">
      <table className="stats" aria-label="Requests per version from the collector">
        <StatsHeader columns={COLUMNS} />
        <tbody>
          {collector.rows.map((row) => (
            <tr key={`${row.name}|${row.podVersion}|${row.resultCode}`} data-version={row.podVersion}>
              <th scope="row">{row.name}</th>
              <td>
                <code>{row.podVersion || '—'}</code>
              </td>
              <td>{row.resultCode}</td>
              <td className="num">{row.requestCount}</td>
              <td className="num">{formatMs(row.duration)}</td>
              <td className="num">{formatMs(row.p50)}</td>
              <td className="num">{formatMs(row.p95)}</td>
              <td className="num">{formatMs(row.p99)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
