import type { CodeCount } from '../../../src/mesh/mesh-dashboard.dto';
import { formatMs, formatRate } from './format';

/** A column of a stats table; `num` columns are right-aligned. */
export interface StatsColumn {
  readonly label: string;
  readonly num?: boolean;
  readonly title?: string;
}

/** The header row every stats table has. */
export function StatsHeader({ columns }: { readonly columns: readonly StatsColumn[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c.label} scope="col" className={c.num === true ? 'num' : undefined} title={c.title}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * The figures the live/mirror tables share, each cell carrying its raw value in `data-value`
 * (what the browser tests read), then the result codes.
 */
export function FigureCells(props: {
  readonly requests: number;
  readonly meanMs: number | null;
  readonly p99Ms: number | null;
  readonly errorRate: number | null;
  readonly codes: readonly CodeCount[];
}) {
  return (
    <>
      <td className="num" data-field="requests" data-value={props.requests}>
        {props.requests}
      </td>
      <td className="num" data-field="mean" data-value={props.meanMs ?? ''}>
        {formatMs(props.meanMs)}
      </td>
      <td className="num" data-field="p99" data-value={props.p99Ms ?? ''}>
        {formatMs(props.p99Ms)}
      </td>
      <td className="num" data-field="error-rate" data-value={props.errorRate ?? ''}>
        {formatRate(props.errorRate)}
      </td>
      <td>{props.codes.length === 0 ? '—' : props.codes.map((c) => `${c.code} × ${c.count}`).join(', ')}</td>
    </>
  );
}
