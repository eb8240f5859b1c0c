import { Logger } from '@nestjs/common';
import { ServiceState } from './health/service-state';
import { type ServiceApp } from './create-service-app';

export type ShutdownStep = () => Promise<void> | void;

/**
 * On SIGTERM or SIGINT: readiness turns 503, the server stops accepting, in-flight
 * requests finish, then the `afterClose` steps run (flush telemetry, close the access
 * log) and the process exits 0. Past `shutdownTimeoutMs` it exits 1 instead of hanging.
 */
export function installGracefulShutdown(service: ServiceApp, afterClose: readonly ShutdownStep[] = []): void {
  const logger = new Logger('Shutdown');
  let started = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    logger.log(`${signal} received: draining in-flight requests`);
    const deadline = setTimeout(() => {
      logger.error(`Shutdown did not finish within ${service.options.shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, service.options.shutdownTimeoutMs);
    deadline.unref();
    try {
      service.app.get(ServiceState).markShuttingDown();
      await service.app.close();
      for (const step of afterClose) await step();
      await service.accessLog.close();
      clearTimeout(deadline);
      process.exit(0);
    } catch (error) {
      logger.error('Shutdown failed', error instanceof Error ? error.stack : String(error));
      process.exit(1);
    }
  };
  process.once('SIGTERM', (signal) => void shutdown(signal));
  process.once('SIGINT', (signal) => void shutdown(signal));
}
