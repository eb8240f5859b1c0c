import { Logger } from '@nestjs/common';
import { ServiceState } from './health/service-state';
import { type ServiceApp } from './create-service-app';

/** Work after the server closed; `done` says in the past tense what it finished (`flushed telemetry`). */
export interface ShutdownStep {
  readonly done: string;
  readonly run: () => Promise<void> | void;
}

/** `drained 1 in-flight request, flushed telemetry, closed the access log`. */
export function shutdownSummary(drained: number, finished: readonly string[]): string {
  return [`drained ${drained} in-flight request${drained === 1 ? '' : 's'}`, ...finished].join(', ');
}

/**
 * On SIGTERM or SIGINT: readiness turns 503, the server stops accepting, in-flight
 * requests finish, then the `afterClose` steps run (flush telemetry, close the access
 * log) and the process exits 0. Past `shutdownTimeoutMs` it exits 1 instead of hanging.
 * The last line logged says what finished and the exit code, so a log never ends at "draining".
 */
export function installGracefulShutdown(service: ServiceApp, afterClose: readonly ShutdownStep[] = []): void {
  const logger = new Logger('Shutdown');
  let started = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    const state = service.app.get(ServiceState);
    const drained = state.inFlight;
    const startedAt = performance.now();
    const finished: string[] = [];
    const elapsed = () => `${Math.round(performance.now() - startedAt)} ms`;
    logger.log(`${signal} received: draining ${drained} in-flight request${drained === 1 ? '' : 's'}`);
    const deadline = setTimeout(() => {
      logger.error(
        `Shutdown did not finish within ${service.options.shutdownTimeoutMs} ms (${shutdownSummary(drained - state.inFlight, finished)}); exit code 1`,
      );
      process.exit(1);
    }, service.options.shutdownTimeoutMs);
    deadline.unref();
    try {
      state.markShuttingDown();
      await service.app.close();
      for (const step of afterClose) {
        await step.run();
        finished.push(step.done);
      }
      await service.accessLog.close();
      finished.push('closed the access log');
      clearTimeout(deadline);
      logger.log(`Shutdown complete in ${elapsed()}: ${shutdownSummary(drained, finished)}; exit code 0`);
      process.exit(0);
    } catch (error) {
      logger.error(
        `Shutdown failed after ${elapsed()} (${shutdownSummary(drained - state.inFlight, finished)}); exit code 1`,
        error instanceof Error ? error.stack : String(error),
      );
      process.exit(1);
    }
  };
  process.once('SIGTERM', (signal) => void shutdown(signal));
  process.once('SIGINT', (signal) => void shutdown(signal));
}
