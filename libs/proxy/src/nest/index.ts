export { ProxyModule } from './proxy.module';
export { ProxyService } from './proxy.service';
export { PROXY_MODULE_OPTIONS } from './proxy.module-definition';
export { type ProxyModuleOptions } from './proxy-module-options';
export { mountOnFastify, normalizePrefix, stripPrefix } from './mount-on-fastify';
