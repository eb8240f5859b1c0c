import type { VersionTraffic } from '../../../src/mesh/mesh-dashboard.dto';
import { formatMs, formatRate } from './format';

const ROLE_LABELS: Readonly<Record<VersionTraffic['role'], string>> = {
  live: 'live',
  mirror: 'mirror (serving)',
  earlier: 'earlier mirror',
};

/** One row per version over the window, from the collector: a replaced mirror keeps its own row. */
export function VersionTable({ versions, windowLabel }: { readonly versions: readonly VersionTraffic[]; readonly windowLabel: string }) {
  if (versions.length === 0) return <p className="muted">No requests from the mirrored versions in this window.</p>;
  return (
    <div className="table-scroll">
      <table className="stats" aria-label={`Requests per version, ${windowLabel.toLowerCase()}`}>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Role now</th>
            <th scope="col" className="num">
              Requests
            </th>
            <th scope="col" className="num">
              Average
            </th>
            <th scope="col" className="num" title="The highest p99 of its operations">
              Worst p99
            </th>
            <th scope="col" className="num">
              Error rate
            </th>
            <th scope="col">Result codes</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.versionTag} data-version-tag={v.versionTag} data-version-role={v.role}>
              <th scope="row">
                <span className={`swatch swatch-${v.role === 'live' ? 'live' : 'mirror'}`} aria-hidden="true" />
                <code>{v.versionTag}</code>
              </th>
              <td>{ROLE_LABELS[v.role]}</td>
              <td className="num" data-field="requests" data-value={v.requests}>
                {v.requests}
              </td>
              <td className="num" data-field="mean" data-value={v.meanMs ?? ''}>
                {formatMs(v.meanMs)}
              </td>
              <td className="num" data-field="p99" data-value={v.worstP99Ms ?? ''}>
                {formatMs(v.worstP99Ms)}
              </td>
              <td className="num" data-field="error-rate" data-value={v.errorRate ?? ''}>
                {formatRate(v.errorRate)}
              </td>
              <td>{v.codes.map((c) => `${c.code} × ${c.count}`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
