import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

/**
 * Makes a resolved compose config (`docker-compose config` output) runnable with host
 * networking: a service on the host's network publishes nothing, and docker-compose 1.29
 * refuses `ports` there ("host" network_mode is incompatible with port_bindings) while an
 * override file cannot remove a list (Compose v2's `!reset` is not known to it).
 */
export function withoutPortsOnHostNetwork(resolved: string): string {
  const config = parse(resolved) as { services?: Record<string, Record<string, unknown>> } | null;
  if (config?.services === undefined) throw new Error('not a compose config: no services');
  for (const service of Object.values(config.services)) {
    if (service['network_mode'] === 'host') delete service['ports'];
  }
  return stringify(config);
}

if (require.main === module) {
  process.stdout.write(withoutPortsOnHostNetwork(readFileSync(0, 'utf8')));
}
