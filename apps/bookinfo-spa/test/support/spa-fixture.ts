import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServiceApp } from '@mirrormesh/service-kit';
import { createBookinfoSpa } from '../../src/bookinfo-spa.app';
import { loadBookinfoSpaConfig } from '../../src/config/bookinfo-spa.config';

export interface SpaOptions {
  /** host:port of the live book service (cluster `bookservice`). */
  readonly live: string;
  /** host:port of the mirror (cluster `bookservicemirror`); no mirror when absent. */
  readonly mirror?: string;
  readonly mirrorPercentage?: number;
  /** host:port of a second live instance: the mirror's answers are then compared with live's, it giving the noise. */
  readonly noise?: string;
  /** Extra environment (WEB_ROOT, COLLECTOR_URL, …). */
  readonly env?: Record<string, string>;
}

export interface RunningSpa {
  readonly url: string;
  readonly service: ServiceApp;
  readonly configFile: string;
  close(): Promise<void>;
}

/** The sidecar config the SPA runs with: /books… to the live cluster, mirrored when a mirror is given. */
export function sidecarYaml(options: Pick<SpaOptions, 'live' | 'mirror' | 'mirrorPercentage' | 'noise'>): string {
  const compare =
    options.noise === undefined ? '' : ', compare: { enabled: true, noise: { cluster: bookservicelive2, percentage: { value: 100 } } }';
  const noiseCluster = options.noise === undefined ? '' : `  - name: bookservicelive2\n    endpoints: ["${options.noise}"]\n`;
  const mirror =
    options.mirror === undefined
      ? ''
      : `\n    mirror: { cluster: bookservicemirror${compare} }\n    mirrorPercentage: { value: ${options.mirrorPercentage ?? 100} }`;
  return `clusters:
  - name: bookservice
    endpoints: ["${options.live}"]
${options.mirror === undefined ? '' : `  - name: bookservicemirror\n    endpoints: ["${options.mirror}"]\n`}${noiseCluster}routes:
  - name: books
    match: [{ uri: { prefix: "/books" } }]
    route:
      - destination: { cluster: bookservice }
        weight: 100${mirror}
`;
}

/** The web build `npm run build` made (turbo builds before it tests). */
export const BUILT_WEB_ROOT = join(__dirname, '..', '..', 'dist', 'public');

/** The real SPA server, in-process, on a free port of 127.0.0.1, with its access log discarded. */
export async function startSpa(options: SpaOptions): Promise<RunningSpa> {
  const dir = mkdtempSync(join(tmpdir(), 'bookinfo-spa-'));
  const configFile = join(dir, 'sidecar.yaml');
  writeFileSync(configFile, sidecarYaml(options));
  const config = loadBookinfoSpaConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'error',
    SIDECAR_CONFIG: configFile,
    WATCH_CONFIG: 'false',
    WEB_ROOT: BUILT_WEB_ROOT,
    ...options.env,
  });
  const service = await createBookinfoSpa({ ...config, service: { ...config.service, accessLogDestination: '/dev/null' } });
  try {
    await service.app.listen(0, '127.0.0.1');
  } catch (error) {
    await service.app.close();
    await service.accessLog.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const address = service.app.getHttpServer().address();
  if (typeof address !== 'object' || address === null) throw new Error('the SPA did not bind a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    service,
    configFile,
    async close() {
      await service.app.close();
      await service.accessLog.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
