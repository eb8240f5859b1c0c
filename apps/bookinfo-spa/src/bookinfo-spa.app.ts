import { loadConfigFile } from '@mirrormesh/proxy/config-file';
import { createServiceApp, type RequestListener, type ServiceApp } from '@mirrormesh/service-kit';
import { BookinfoSpaModule } from './bookinfo-spa.module';
import { type BookinfoSpaConfig } from './config/bookinfo-spa.config';
import { upstreamProxyConfig } from './config/upstream-proxy-config';
import { loadStaticFiles } from './static/static-file-index';

/**
 * The SPA server as an app, ready to listen: main.ts and the tests both start it here.
 * Throws ConfigFileError (sidecar config) or WebRootError (web build) before anything listens.
 */
export async function createBookinfoSpa(config: BookinfoSpaConfig, listeners: readonly RequestListener[] = []): Promise<ServiceApp> {
  const proxyConfig = config.api.kind === 'upstream' ? upstreamProxyConfig(config.api.url) : await loadConfigFile(config.api.file);
  const files = loadStaticFiles(config.webRoot);
  return createServiceApp(BookinfoSpaModule.register(config, proxyConfig, files), config.service, listeners);
}
