import { installGracefulShutdown, listenOrExit, loadConfigOrExit } from '@mirrormesh/service-kit';
import { startTelemetry, telemetryRequestListener } from '@mirrormesh/telemetry';
import { createBookService } from './book-service.app';
import { loadBookServiceConfig } from './config/book-service.config';

async function main(): Promise<void> {
  const config = loadConfigOrExit('book-service', () => loadBookServiceConfig(process.env));
  const telemetry = startTelemetry({ roleName: 'book-service', versionTag: config.service.versionTag });
  const service = await createBookService(config, [telemetryRequestListener(telemetry)]);
  // The access log and telemetry flush after in-flight requests finish, so their last items are kept.
  installGracefulShutdown(service, [{ done: 'flushed telemetry', run: () => telemetry.shutdown() }]);
  // Ready only once the telemetry thread has loaded the SDK: its start-up must not meet the first requests.
  await telemetry.ready();
  await listenOrExit(service);
}

main().catch((error: unknown) => {
  process.stderr.write(`book-service: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
