import { type DynamicModule, Module } from '@nestjs/common';
import { type ProxyConfig } from '@mirrormesh/proxy';
import { ProxyModule, ProxyService } from '@mirrormesh/proxy/nest';
import { ProxyAdminListener } from './admin/proxy-admin-listener';
import { BOOKINFO_SPA_CONFIG } from './bookinfo-spa.tokens';
import { API_PREFIX, BOOKINFO_SPA_DEFAULTS, type BookinfoSpaConfig } from './config/bookinfo-spa.config';
import { SidecarConfigWatcher } from './config/sidecar-config-watcher';
import { createCollectorClient } from './mesh/collector-client';
import { createLogQueryClient } from './mesh/log-query-client';
import { LogQueryController } from './mesh/log-query.controller';
import { MeshController } from './mesh/mesh.controller';
import { MeshInternalController } from './mesh/mesh-internal.controller';
import { MeshStatsService } from './mesh/mesh-stats.service';
import { ANSWER_DIFF_SOURCE, createAnswerDiffSource } from './mesh/answer-diff-source';
import { createClusterVersionProbe } from './mesh/cluster-versions';
import { CLUSTER_VERSION_PROBE, COLLECTOR_CLIENT, LOG_QUERY_CLIENT, STARTED_AT } from './mesh/mesh.tokens';
import { type StaticFileIndex } from './static/static-file-index';
import { StaticFilesModule } from './static/static-files.module';

/**
 * The SPA's server: the proxy on /api, the Mirror page's data and Log Analytics relay on /_mesh, the web app on the rest;
 * with ADMIN_PORT the proxy's admin API on a listener of its own, which then alone serves the stats, metrics and diff.
 */
@Module({})
export class BookinfoSpaModule {
  static register(config: BookinfoSpaConfig, proxyConfig: ProxyConfig, files: StaticFileIndex): DynamicModule {
    const startedAt = new Date();
    // A plain local run has no admin listener: the public port serves the internals then, unless a sidecar
    // beside the app routes /api (API_UPSTREAM) and its own admin API has the numbers that matter.
    const internalsOnPublicPort = config.admin === undefined && config.api.kind === 'sidecar-config';
    return {
      module: BookinfoSpaModule,
      imports: [
        ProxyModule.register({ config: proxyConfig, prefix: API_PREFIX, closeGraceMs: BOOKINFO_SPA_DEFAULTS.proxyCloseGraceMs }),
        StaticFilesModule.register({ files, apiPrefix: API_PREFIX }),
      ],
      controllers: [MeshController, LogQueryController, ...(internalsOnPublicPort ? [MeshInternalController] : [])],
      providers: [
        { provide: BOOKINFO_SPA_CONFIG, useValue: config },
        { provide: STARTED_AT, useValue: startedAt },
        { provide: COLLECTOR_CLIENT, useValue: createCollectorClient(config.collector, startedAt) },
        { provide: LOG_QUERY_CLIENT, useValue: createLogQueryClient(config.collector) },
        { provide: CLUSTER_VERSION_PROBE, useValue: createClusterVersionProbe() },
        { provide: ANSWER_DIFF_SOURCE, useFactory: (proxy: ProxyService) => createAnswerDiffSource(proxy.proxy), inject: [ProxyService] },
        MeshStatsService,
        SidecarConfigWatcher,
        ProxyAdminListener,
      ],
    };
  }
}
