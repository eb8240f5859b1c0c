import type { AnswerDiffReport } from '../../../src/mesh/answer-diff.dto';
import { diffRows, type DiffRouteRow } from './diff-figures';
import { formatRate } from './format';
import { StatsHeader } from './stats-cells';

const ROUTE_COLUMNS = [
  { label: 'Route → mirror' },
  { label: 'Compared', num: true },
  { label: 'Differ', num: true, title: 'Pairs with at least one differing path, noise included' },
  { label: 'Regressions', num: true, title: 'Pairs with a differing path that was not noise when compared' },
  { label: 'Noise from' },
];
const PATH_COLUMNS = [
  { label: 'Path' },
  { label: 'Change' },
  { label: 'Rate', num: true },
  { label: 'Noise' },
  { label: 'Live' },
  { label: 'Mirror' },
];

/** Live answers compared with the mirror's (shadow diff): what a candidate would change for users. */
export function DiffSection({ report }: { readonly report: AnswerDiffReport }) {
  const rows = diffRows(report);
  const dropped = report.dropped.reduce((sum, d) => sum + d.count, 0);
  return (
    <section aria-labelledby="answers-heading">
      <h2 id="answers-heading">Answers compared</h2>
      {rows.length === 0 ? (
        <p className="muted" data-testid="answers-off">
          This sidecar compares no answers: no route has mirror.compare on.
        </p>
      ) : (
        <>
          <p className="muted">
            Since it started, each mirror answer against live's; a path is noise when two live instances differ there as often.
          </p>
          <div className="table-scroll">
            <table className="stats" aria-label="Answers compared per route and mirror">
              <StatsHeader columns={ROUTE_COLUMNS} />
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} data-diff-route={row.key}>
                    <th scope="row">{`${row.route} → ${row.mirror}`}</th>
                    <td className="num" data-field="compared" data-value={row.compared}>
                      {row.compared}
                    </td>
                    <td className="num" data-field="diff-rate" data-value={row.diffRate ?? ''}>
                      {formatRate(row.diffRate)}
                    </td>
                    <td className="num" data-field="regression-rate" data-value={row.regressionRate ?? ''}>
                      {formatRate(row.regressionRate)}
                    </td>
                    <td>{row.noiseCluster ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.map((row) => (
            <DiffPaths key={row.key} row={row} />
          ))}
          {dropped > 0 && <p className="warning">{dropped} comparisons were dropped (pending cap, or an answer missing).</p>}
        </>
      )}
    </section>
  );
}

function DiffPaths({ row }: { readonly row: DiffRouteRow }) {
  if (row.paths.length === 0) return <p className="muted">{`${row.route} → ${row.mirror}: every answer identical.`}</p>;
  return (
    <div className="table-scroll">
      <table className="stats" aria-label={`Differing paths, ${row.route} → ${row.mirror}`} data-diff-paths={row.key}>
        <StatsHeader columns={PATH_COLUMNS} />
        <tbody>
          {row.paths.map((p) => (
            <tr key={`${p.path} ${p.kind}`} data-path={p.path} data-kind={p.kind} data-noise={String(p.noise)}>
              <th scope="row">
                <code>{p.path}</code>
              </th>
              <td>{p.kind}</td>
              <td className="num" data-field="rate" data-value={p.rate}>
                {formatRate(p.rate)}
              </td>
              <td>{p.noise ? 'noise' : 'difference'}</td>
              <td data-field="live">
                <code>{p.live}</code>
              </td>
              <td data-field="candidate">
                <code>{p.candidate}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {row.morePaths > 0 && <p className="muted">{`${row.morePaths} more differing paths not listed.`}</p>}
    </div>
  );
}
