import type { MeshDashboard } from '../../../src/mesh/mesh-dashboard.dto';
import { formatPercent, formatRate } from './format';

const WIDTH = 640;
const NODE_W = 170;
const NODE_H = 44;
const ROW = 86;

function Node({
  x,
  y,
  label,
  kind,
}: {
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly kind: 'source' | 'live' | 'mirror';
}) {
  return (
    <g className={`node node-${kind}`}>
      <rect x={x} y={y} width={NODE_W} height={NODE_H} rx={8} />
      <text x={x + NODE_W / 2} y={y + NODE_H / 2} textAnchor="middle" dominantBaseline="middle">
        {label}
      </text>
    </g>
  );
}

/**
 * Kiali's picture for this pod: the SPA's sidecar sends live traffic to each cluster of
 * its routes (solid, observed share and error rate) and copies to the mirror (dashed,
 * configured percentage and error rate).
 */
export function TrafficGraph({ dashboard }: { readonly dashboard: MeshDashboard }) {
  const { topology, live, mirror } = dashboard;
  const edges = topology.edges;
  const height = Math.max(1, edges.length) * ROW + 16;
  const sourceY = height / 2 - NODE_H / 2;
  const targetX = WIDTH - NODE_W - 4;
  const described: string[] = [];
  return (
    <figure className="graph">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="graph-title" preserveAspectRatio="xMidYMin meet">
        <defs>
          <marker id="arrow-live" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="arrow-live" />
          </marker>
          <marker id="arrow-mirror" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="arrow-mirror" />
          </marker>
        </defs>
        {edges.map((edge, i) => {
          const y = 8 + i * ROW;
          const x1 = 4 + NODE_W;
          const y1 = sourceY + NODE_H / 2;
          const y2 = y + NODE_H / 2;
          const stats = edge.kind === 'live' ? live : mirror;
          const cluster = stats.clusters.find((c) => c.cluster === edge.cluster);
          const errorRate = cluster === undefined || cluster.requests === 0 ? null : cluster.errors / cluster.requests;
          const share =
            edge.kind === 'live' ? (live.requests === 0 || cluster === undefined ? null : cluster.requests / live.requests) : null;
          const label =
            edge.kind === 'live'
              ? `live ${share === null ? formatPercent(edge.percentage) : formatRate(share)} of traffic · ${formatRate(errorRate)} errors`
              : `mirror copies ${formatPercent(edge.percentage)} · ${formatRate(errorRate)} errors`;
          described.push(`${topology.source} to ${edge.cluster}: ${label}`);
          const midX = (x1 + targetX) / 2;
          return (
            <g key={`${edge.kind}-${edge.cluster}`} data-edge={edge.kind} data-cluster={edge.cluster}>
              <path
                d={`M${x1},${y1} C${midX},${y1} ${midX},${y2} ${targetX},${y2}`}
                className={`edge edge-${edge.kind}${errorRate !== null && errorRate > 0.05 ? ' edge-failing' : ''}`}
                markerEnd={`url(#arrow-${edge.kind})`}
              />
              {/* Beside the target end, where edges are far apart: labels never overlap. */}
              <text x={targetX - 14} y={edge.kind === 'live' ? y2 - 12 : y2 + 24} textAnchor="end" className="edge-label">
                {label}
              </text>
              <Node x={targetX} y={y} label={edge.cluster} kind={edge.kind} />
            </g>
          );
        })}
        <Node x={4} y={sourceY} label={topology.source} kind="source" />
        <title id="graph-title">{`Traffic graph. ${described.join('. ')}`}</title>
      </svg>
    </figure>
  );
}
