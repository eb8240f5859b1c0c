import { Module } from '@nestjs/common';
import { ProxyConfigurableModule } from './proxy.module-definition';
import { ProxyService } from './proxy.service';

/**
 * Mounts the mirroring proxy on a path prefix of a Nest/fastify app:
 * `ProxyModule.register({ config, prefix: '/api' })` or `registerAsync({ useFactory })`.
 */
@Module({ providers: [ProxyService], exports: [ProxyService] })
export class ProxyModule extends ProxyConfigurableModule {}
