import diagnosticsChannel from 'node:diagnostics_channel';
import { upgradeResultOf, type UpgradeEvent } from '../websocket/upgrade-channel';
import { PROXY_CHANNELS } from './channels';
import { LabeledSeries } from './labeled-series';
import { type Counter } from './proxy-metrics';

/** WebSocket upgrades in `/stats`: counted by route, cluster and result, and the connections open now. */
export interface UpgradeStatsSnapshot {
  /** Upgraded connections open now (undefined when the stats were made without a proxy). */
  readonly open: number | undefined;
  readonly byResult: readonly { readonly route: string; readonly cluster: string; readonly result: string; readonly count: number }[];
}

/** Counts upgrade events (one per upgrade request, when it ends) of one proxy, or of all of them. */
export class UpgradeStats {
  private readonly upgrades = new LabeledSeries<Counter>(['route', 'cluster', 'result'], () => ({ count: 0 }));

  constructor(
    private readonly only: string | undefined,
    private readonly openNow: () => number | undefined,
  ) {
    diagnosticsChannel.subscribe(PROXY_CHANNELS.upgrade, this.onUpgrade);
  }

  private readonly onUpgrade = (message: unknown): void => {
    const event = message as UpgradeEvent;
    if (this.only !== undefined && event.proxyId !== this.only) return;
    const count = this.upgrades.get(event.route, event.cluster, upgradeResultOf(event));
    if (count !== undefined) count.count += 1;
  };

  get overflow(): number {
    return this.upgrades.overflow;
  }

  /** Prometheus lines: `mirrormesh_upgrades_total{route,cluster,result}`, `mirrormesh_upgrades_open`. */
  prometheusLines(out: string[], labelText: (names: readonly string[], values: readonly string[]) => string): void {
    out.push(
      '# HELP mirrormesh_upgrades_total WebSocket upgrade requests by route, cluster and result (status the client got, or error code).',
      '# TYPE mirrormesh_upgrades_total counter',
    );
    for (const { labels, value } of this.upgrades.entries())
      out.push(`mirrormesh_upgrades_total${labelText(this.upgrades.labelNames, labels)} ${value.count}`);
    const open = this.openNow();
    if (open !== undefined)
      out.push(
        '# HELP mirrormesh_upgrades_open WebSocket connections upgraded and still open.',
        '# TYPE mirrormesh_upgrades_open gauge',
        `mirrormesh_upgrades_open ${open}`,
      );
  }

  snapshot(): UpgradeStatsSnapshot {
    return {
      open: this.openNow(),
      byResult: [...this.upgrades.entries()].map(({ labels, value }) => ({
        route: labels[0] ?? '',
        cluster: labels[1] ?? '',
        result: labels[2] ?? '',
        count: value.count,
      })),
    };
  }

  close(): void {
    diagnosticsChannel.unsubscribe(PROXY_CHANNELS.upgrade, this.onUpgrade);
  }
}
