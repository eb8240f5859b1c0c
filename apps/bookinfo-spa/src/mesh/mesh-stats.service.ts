import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createProxyStats, type ProxyStats, type StatsSnapshot } from '@mirrormesh/proxy';
import { ProxyService } from '@mirrormesh/proxy/nest';
import { COLLECTOR_CLIENT } from './mesh.tokens';
import { type CollectorClient } from './collector-client';
import { type MeshDashboard } from './mesh-dashboard.dto';
import { topologyOf } from './mesh-topology';
import { summarizeTraffic } from './traffic-summary';

/** The in-process sidecar's metrics, and the dashboard built from them and the collector. */
@Injectable()
export class MeshStatsService implements OnApplicationShutdown {
  private readonly stats: ProxyStats;

  constructor(
    private readonly proxy: ProxyService,
    @Inject(COLLECTOR_CLIENT) private readonly collector: CollectorClient,
  ) {
    // This proxy's events only: other proxies in the process publish on the same channels.
    this.stats = createProxyStats({ proxy: proxy.proxy });
  }

  snapshot(): StatsSnapshot {
    return this.stats.snapshot();
  }

  prometheus(): string {
    return this.stats.renderPrometheus();
  }

  async dashboard(): Promise<MeshDashboard> {
    const snapshot = this.stats.snapshot();
    const collector = await this.collector.summary();
    return {
      generatedAt: new Date().toISOString(),
      topology: topologyOf(this.proxy.proxy.config),
      live: summarizeTraffic('live', snapshot.live),
      mirror: summarizeTraffic('mirror', snapshot.mirror),
      localAnswers: snapshot.local.total,
      droppedMirrors: snapshot.dropped.reduce((sum, d) => sum + d.count, 0),
      mirrorInflight: Object.values(snapshot.mirrorInflight).reduce((sum, n) => sum + n, 0),
      collector,
    };
  }

  onApplicationShutdown(): void {
    this.stats.close();
  }
}
