import { ConfigFileError } from '@mirrormesh/proxy/config-file';
import { EXIT_CONFIG_ERROR, installGracefulShutdown, listenOrExit, loadConfigOrExit } from '@mirrormesh/service-kit';
import { startTelemetry, subscribeMirrorExchanges, telemetryRequestListener, TelemetryConfigError } from '@mirrormesh/telemetry';
import { createBookinfoSpa } from './bookinfo-spa.app';
import { loadBookinfoSpaConfig } from './config/bookinfo-spa.config';
import { BookinfoSpaError, WebRootError } from './errors';

function exitOnStartupError(error: unknown): never {
  if (error instanceof ConfigFileError || error instanceof WebRootError || error instanceof TelemetryConfigError) {
    process.stderr.write(`bookinfo-spa: invalid configuration:\n  ${error.message.replace(/\n/g, '\n  ')}\n`);
    process.exit(EXIT_CONFIG_ERROR);
  }
  throw error;
}

async function main(): Promise<void> {
  const config = loadConfigOrExit('bookinfo-spa', () => loadBookinfoSpaConfig(process.env));
  let telemetry;
  try {
    telemetry = startTelemetry({
      roleName: 'bookinfo-spa',
      ...(config.service.versionTag === undefined ? {} : { versionTag: config.service.versionTag }),
    });
  } catch (error) {
    exitOnStartupError(error);
  }
  const unsubscribeMirrors = subscribeMirrorExchanges(telemetry);
  const service = await createBookinfoSpa(config, [telemetryRequestListener(telemetry)]).catch(exitOnStartupError);
  installGracefulShutdown(service, [
    { done: 'stopped mirror telemetry', run: unsubscribeMirrors },
    { done: 'flushed telemetry', run: () => telemetry.shutdown() },
  ]);
  // Ready only once the telemetry thread has loaded the SDK: its start-up must not meet the first requests.
  await telemetry.ready();
  await listenOrExit(service);
}

main().catch((error: unknown) => {
  // This app's own errors say what to fix: their message is the whole story, a stack would bury it.
  const detail =
    error instanceof BookinfoSpaError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`bookinfo-spa: failed to start: ${detail}\n`);
  process.exit(1);
});
