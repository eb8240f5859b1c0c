import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type FastifyInstance } from 'fastify';
import { createProxy } from '../create-proxy';
import { type Proxy, type ProxyRuntimeStats } from '../proxy';
import { type ProxyConfig } from '../config/proxy-config.schema';
import { PROXY_MODULE_OPTIONS } from './proxy.module-definition';
import { mountOnFastify } from './mount-on-fastify';
import { type ProxyModuleOptions } from './proxy-module-options';

/** The proxy core inside a Nest app on @nestjs/platform-fastify, mounted on a prefix. */
@Injectable()
export class ProxyService implements OnModuleInit, OnApplicationShutdown {
  /** The core; created (and its config validated) when the service is constructed. */
  readonly proxy: Proxy;

  constructor(
    @Inject(PROXY_MODULE_OPTIONS) private readonly options: ProxyModuleOptions,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.proxy = createProxy(options.config, options.closeGraceMs === undefined ? {} : { closeGraceMs: options.closeGraceMs });
  }

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (adapter?.getType() !== 'fastify') throw new Error('ProxyModule needs @nestjs/platform-fastify (FastifyAdapter)');
    mountOnFastify(adapter.getInstance<FastifyInstance>(), this.options.prefix, this.options.stripPrefix ?? true, this.proxy.handle);
  }

  /** Validates and swaps in a new config; throws ProxyConfigError and keeps the old one. */
  reload(config: unknown): ProxyConfig {
    return this.proxy.reload(config);
  }

  stats(): ProxyRuntimeStats {
    return this.proxy.stats();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }
}
