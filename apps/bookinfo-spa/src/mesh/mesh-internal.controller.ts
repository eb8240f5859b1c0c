import { Controller, Get, Header } from '@nestjs/common';
import { type StatsSnapshot } from '@mirrormesh/proxy';
import { type AnswerDiffReport } from './answer-diff.dto';
import { MESH_PATH } from './mesh.controller';
import { MeshStatsService } from './mesh-stats.service';

/**
 * The sidecar's numbers for scrapers and the lab, on the public port only while there is no
 * admin listener (a plain local run); with ADMIN_PORT the admin API serves them as /stats,
 * /diff and /metrics and the public port does not.
 */
@Controller(MESH_PATH)
export class MeshInternalController {
  constructor(private readonly mesh: MeshStatsService) {}

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
