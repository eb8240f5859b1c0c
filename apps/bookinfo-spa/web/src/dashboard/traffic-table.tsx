import type { TrafficSummary } from '../../../src/mesh/mesh-dashboard.dto';
import { FigureCells, StatsHeader } from './stats-cells';

const COLUMNS = [
  { label: 'Traffic' },
  { label: 'Clusters' },
  { label: 'Requests', num: true },
  { label: 'Average', num: true },
  { label: 'p99', num: true },
  { label: 'Error rate', num: true },
  { label: 'Result codes' },
];

/** The sidecar's own numbers (always there): one row for live, one for mirror. */
export function TrafficTable({ rows }: { readonly rows: readonly TrafficSummary[] }) {
  return (
    <div className="table-scroll">
      <table className="stats" aria-label="Live and mirror traffic seen by this pod's sidecar">
        <StatsHeader columns={COLUMNS} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.role} data-role={row.role}>
              <th scope="row">
                <span className={`swatch swatch-${row.role}`} aria-hidden="true" />
                {row.role}
              </th>
              <td>{row.clusters.map((c) => c.cluster).join(', ') || '—'}</td>
              <FigureCells requests={row.requests} meanMs={row.meanMs} p99Ms={row.p99Ms} errorRate={row.errorRate} codes={row.codes} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
