import type { VersionTraffic } from '../../../src/mesh/mesh-dashboard.dto';
import { FigureCells, StatsHeader } from './stats-cells';

const ROLE_LABELS: Readonly<Record<VersionTraffic['role'], string>> = {
  live: 'live',
  mirror: 'mirror (serving)',
  earlier: 'earlier mirror',
};

const COLUMNS = [
  { label: 'Version' },
  { label: 'Role now' },
  { label: 'Requests', num: true },
  { label: 'Average', num: true },
  { label: 'Worst p99', num: true, title: 'The highest p99 of its operations' },
  { label: 'Error rate', num: true },
  { label: 'Result codes' },
];

/** One row per version over the window, from the collector: a replaced mirror keeps its own row. */
export function VersionTable({ versions, windowLabel }: { readonly versions: readonly VersionTraffic[]; readonly windowLabel: string }) {
  if (versions.length === 0) return <p className="muted">No requests from the mirrored versions in this window.</p>;
  return (
    <div className="table-scroll">
      <table className="stats" aria-label={`Requests per version, ${windowLabel.toLowerCase()}`}>
        <StatsHeader columns={COLUMNS} />
        <tbody>
          {versions.map((v) => (
            <tr key={v.versionTag} data-version-tag={v.versionTag} data-version-role={v.role}>
              <th scope="row">
                <span className={`swatch swatch-${v.role === 'live' ? 'live' : 'mirror'}`} aria-hidden="true" />
                <code>{v.versionTag}</code>
              </th>
              <td>{ROLE_LABELS[v.role]}</td>
              <FigureCells requests={v.requests} meanMs={v.meanMs} p99Ms={v.worstP99Ms} errorRate={v.errorRate} codes={v.codes} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
