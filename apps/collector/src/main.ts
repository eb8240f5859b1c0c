import { installGracefulShutdown, loadConfigOrExit } from '@mirrormesh/service-kit';
import { Logger } from '@nestjs/common';
import { startCollector } from './collector.app';
import { loadCollectorConfig } from './config/collector-config';
import { localConnectionString } from './local-connection-string';

async function main(): Promise<void> {
  const config = loadConfigOrExit('collector', () => loadCollectorConfig(process.env));
  let collector;
  try {
    collector = await startCollector(config);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      process.stderr.write(
        `collector: cannot listen on ${config.service.host} port ${config.service.port} or ${config.queryPort}: ${code} (set PORT / QUERY_PORT)\n`,
      );
      process.exit(1);
    }
    throw error;
  }
  const { listeners, tls, store } = collector;
  installGracefulShutdown(collector.service, [
    { done: 'closed the track and query listeners', run: () => listeners.close() },
    { done: 'closed the store', run: () => store.close() },
  ]);
  const logger = new Logger('collector');
  const stats = store.stats();
  logger.log(`track API on ${listeners.secureUrl}v2.1/track (TLS); query and health on ${listeners.plainUrl}`);
  logger.log(
    `data in ${config.dataDir}: ${stats.items} items (${stats.requests} requests, ${stats.dependencies} dependencies), ${stats.bytes} bytes`,
  );
  if (stats.importedSegments > 0)
    logger.log(`imported ${stats.importedSegments} segment files of the previous storage (${stats.skippedLines} torn lines skipped)`);
  logger.log(`certificate ${tls.generated ? 'generated' : 'reused'}: ${tls.certPath}`);
  logger.log(`services: NODE_EXTRA_CA_CERTS=${tls.certPath}`);
  logger.log(`services: APPLICATIONINSIGHTS_CONNECTION_STRING="${localConnectionString(listeners.secureUrl)}"`);
}

main().catch((error: unknown) => {
  process.stderr.write(`collector: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
