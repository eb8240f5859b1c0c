import { Controller, Get, Header, Query } from '@nestjs/common';
import { type StatsSnapshot } from '@mirrormesh/proxy';
import { InvalidWindowException } from '../errors';
import { DEFAULT_DASHBOARD_WINDOW, isDashboardWindow } from './dashboard-window';
import { type AnswerDiffReport } from './answer-diff.dto';
import { type MeshDashboard } from './mesh-dashboard.dto';
import { MeshStatsService } from './mesh-stats.service';

/** Outside /api on purpose: everything under /api belongs to the proxy (its 404 included). */
export const MESH_PATH = '_mesh';

/** What the dashboard reads, and the sidecar's numbers for scrapers. */
@Controller(MESH_PATH)
export class MeshController {
  constructor(private readonly mesh: MeshStatsService) {}

  /** Live versus mirror, the traffic graph and the collector summary over `?window=` (1m, 5m, 15m, start), in one answer. */
  @Get('dashboard')
  @Header('cache-control', 'no-store')
  dashboard(@Query('window') window?: unknown): Promise<MeshDashboard> {
    if (window === undefined) return this.mesh.dashboard(DEFAULT_DASHBOARD_WINDOW);
    if (typeof window !== 'string' || !isDashboardWindow(window)) throw new InvalidWindowException();
    return this.mesh.dashboard(window);
  }

  /** The proxy core's stats snapshot as it is (what the standalone sidecar serves at /stats). */
  @Get('stats')
  @Header('cache-control', 'no-store')
  stats(): StatsSnapshot {
    return this.mesh.snapshot();
  }

  /** The sidecar's comparison of live and mirror answers (what the standalone sidecar serves at /diff). */
  @Get('diff')
  @Header('cache-control', 'no-store')
  diff(): AnswerDiffReport {
    return this.mesh.diff();
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('cache-control', 'no-store')
  metrics(): string {
    return this.mesh.prometheus();
  }
}
