import { parentPort, workerData } from 'node:worker_threads';
import { AppInsightsTelemetry } from '../app-insights-telemetry';
import { DEFAULT_SDK_WINDOW } from '../export-queue-defaults';
import { createSdkClient } from '../sdk-client';
import { lowerThreadPriority } from './background-priority';
import { SdkFeeder } from './sdk-feeder';
import { type ExporterThreadSettings, type FromExporterThread, type ToExporterThread } from './worker-protocol';

/**
 * The exporter thread: the Application Insights SDK lives here, so building spans, envelopes and
 * the HTTPS calls to the ingestion endpoint never run on the thread that answers requests.
 */
function run(): void {
  const port = parentPort;
  if (port === null) throw new Error('telemetry-worker must run as a worker thread (new Worker(...))');
  const { versionTag, roleName, nice, ...client } = workerData as ExporterThreadSettings;
  if (nice > 0) lowerThreadPriority(nice);
  const telemetry = new AppInsightsTelemetry(createSdkClient({ ...client, roleName }), roleName, versionTag);
  const reply = (message: FromExporterThread) => port.postMessage(message);
  const feeder = new SdkFeeder(telemetry, DEFAULT_SDK_WINDOW, (taken) => reply({ type: 'taken', ...taken }));
  const settle = (id: number, work: Promise<void>) =>
    work.then(
      () => reply({ type: 'done', id }),
      (error: unknown) => reply({ type: 'done', id, error: (error as Error)?.message ?? String(error) }),
    );

  reply({ type: 'ready' });
  port.on('message', (message: ToExporterThread) => {
    switch (message.type) {
      case 'items':
        feeder.add(message.requests, message.dependencies);
        break;
      case 'flush':
        void settle(message.id, feeder.flush());
        break;
      case 'shutdown':
        void settle(
          message.id,
          feeder.flush().then(() => telemetry.shutdown()),
        ).then(() => port.close());
        break;
    }
  });
}

run();
