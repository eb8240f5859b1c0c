import { Controller, Get, Header, Query } from '@nestjs/common';
import { InvalidWindowException } from '../errors';
import { DEFAULT_DASHBOARD_WINDOW, isDashboardWindow } from './dashboard-window';
import { type MeshDashboard } from './mesh-dashboard.dto';
import { MeshStatsService } from './mesh-stats.service';

/** Outside /api on purpose: everything under /api belongs to the proxy (its 404 included). */
export const MESH_PATH = '_mesh';

/** What the Mirror page reads: on the public port, as the page is (see README, "Public and admin ports"). */
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
}
