import { ConfigurableModuleBuilder } from '@nestjs/common';
import { type ProxyModuleOptions } from './proxy-module-options';

/** Gives ProxyModule `register(options)` and `registerAsync({ useFactory, inject, imports })`. */
export const { ConfigurableModuleClass: ProxyConfigurableModule, MODULE_OPTIONS_TOKEN: PROXY_MODULE_OPTIONS } =
  new ConfigurableModuleBuilder<ProxyModuleOptions>().setClassMethodName('register').build();
