import { join } from 'node:path';
import { createServiceApp, type ServiceApp } from '@mirrormesh/service-kit';
import { CollectorModule } from './collector.module';
import { type CollectorListeners, listenCollector } from './collector-listeners';
import { type CollectorConfig } from './config/collector-config';
import { KqlRunner } from './query/kql-runner';
import { DATABASE_FILE } from './storage/storage-files';
import { TelemetryStore } from './storage/telemetry-store';
import { ensureCertificate, type TlsMaterial } from './tls/certificate-store';

export interface Collector {
  readonly service: ServiceApp;
  readonly store: TelemetryStore;
  readonly tls: TlsMaterial;
  readonly listeners: CollectorListeners;
  /** Stops both listeners, closes the app, then the store (after its last write). */
  close(): Promise<void>;
}

/**
 * Opens the database in the data directory, ensures the TLS certificate, builds
 * the Nest app and listens. main.ts and the e2e tests both start the collector here.
 */
export async function startCollector(config: CollectorConfig): Promise<Collector> {
  const store = await TelemetryStore.open(config.dataDir, { limits: config.storage });
  const tls = await ensureCertificate(config.dataDir, config.tlsHosts);
  // Queries run on a thread of their own, reading the database through a connection of their own.
  const runner = new KqlRunner({ databaseFile: join(config.dataDir, DATABASE_FILE) });
  const service = await createServiceApp(CollectorModule.register({ store, runner, track: config.track }), config.service);
  const fastify = service.app.getHttpAdapter().getInstance();
  // The track API reads bodies raw (JSON, NDJSON, gzip): one bounded buffer parser for every
  // type, registered through Nest so that init does not add its JSON parser back.
  fastify.removeAllContentTypeParsers();
  service.app.useBodyParser('*', { bodyLimit: config.track.maxBodyBytes }, (_request, body, done) => done(null, body));
  await service.app.init();
  const listeners = await listenCollector(fastify, tls, {
    host: config.service.host,
    port: config.service.port,
    queryPort: config.queryPort,
    timeouts: config.service,
  });
  let closing: Promise<void> | undefined;
  return {
    service,
    store,
    tls,
    listeners,
    close: () =>
      (closing ??= (async () => {
        await listeners.close();
        await service.app.close();
        await runner.close();
        await store.close();
        await service.accessLog.close();
      })()),
  };
}
