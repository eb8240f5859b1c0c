import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ServiceState } from './service-state';

/**
 * Liveness says the process answers; readiness turns 503 as soon as shutdown begins so
 * that load balancers stop sending before in-flight requests are drained.
 */
/** Probes are answered under this path; they are logged but not reported as traffic. */
export const HEALTH_PATH = 'health';

@ApiExcludeController()
@Controller(HEALTH_PATH)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly state: ServiceState,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => {
        const lifecycle = this.indicators.check('lifecycle');
        return this.state.ready ? lifecycle.up() : lifecycle.down({ message: 'shutting down' });
      },
    ]);
  }
}
