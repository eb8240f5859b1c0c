import { installGracefulShutdown, listenOrExit, loadConfigOrExit } from '@mirrormesh/service-kit';
import { createBookService } from './book-service.app';
import { loadBookServiceConfig } from './config/book-service.config';

async function main(): Promise<void> {
  const config = loadConfigOrExit('book-service', () => loadBookServiceConfig(process.env));
  const service = await createBookService(config);
  installGracefulShutdown(service);
  await listenOrExit(service);
}

main().catch((error: unknown) => {
  process.stderr.write(`book-service: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
