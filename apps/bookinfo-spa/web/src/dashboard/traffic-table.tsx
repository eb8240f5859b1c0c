import type { TrafficSummary } from '../../../src/mesh/mesh-dashboard.dto';
import { formatMs, formatRate } from './format';

/** The sidecar's own numbers (always there): one row for live, one for mirror. */
export function TrafficTable({ rows }: { readonly rows: readonly TrafficSummary[] }) {
  return (
    <div className="table-scroll">
      <table className="stats" aria-label="Live and mirror traffic seen by this pod's sidecar">
        <thead>
          <tr>
            <th scope="col">Traffic</th>
            <th scope="col">Clusters</th>
            <th scope="col" className="num">
              Requests
            </th>
            <th scope="col" className="num">
              Average
            </th>
            <th scope="col" className="num">
              p99
            </th>
            <th scope="col" className="num">
              Error rate
            </th>
            <th scope="col">Result codes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.role} data-role={row.role}>
              <th scope="row">
                <span className={`swatch swatch-${row.role}`} aria-hidden="true" />
                {row.role}
              </th>
              <td>{row.clusters.map((c) => c.cluster).join(', ') || '—'}</td>
              <td className="num" data-field="requests" data-value={row.requests}>
                {row.requests}
              </td>
              <td className="num" data-field="mean" data-value={row.meanMs ?? ''}>
                {formatMs(row.meanMs)}
              </td>
              <td className="num" data-field="p99" data-value={row.p99Ms ?? ''}>
                {formatMs(row.p99Ms)}
              </td>
              <td className="num" data-field="error-rate" data-value={row.errorRate ?? ''}>
                {formatRate(row.errorRate)}
              </td>
              <td>{row.codes.length === 0 ? '—' : row.codes.map((c) => `${c.code} × ${c.count}`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
