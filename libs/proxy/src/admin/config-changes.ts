import { type ProxyConfig } from '../config/proxy-config.schema';

/** What a config change did, by name only: values (a mirror's credential headers) never appear. */
export interface ConfigChanges {
  readonly clusters: NamedChanges;
  readonly routes: NamedChanges;
  /** Top-level sections (listener, limits, admin, pathNormalization, telemetry) that differ. */
  readonly sections: readonly string[];
}

/** The servers whose address is bound once, at start. */
export type BoundServer = 'listener' | 'admin';
export type BoundAddresses = Pick<ProxyConfig, BoundServer>;

export interface NamedChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

function byName(before: readonly { name: string }[], after: readonly { name: string }[]): NamedChanges {
  const old = new Map(before.map((item) => [item.name, JSON.stringify(item)]));
  const now = new Set(after.map((item) => item.name));
  return {
    added: after.filter((item) => !old.has(item.name)).map((item) => item.name),
    removed: before.filter((item) => !now.has(item.name)).map((item) => item.name),
    changed: after.filter((item) => old.has(item.name) && old.get(item.name) !== JSON.stringify(item)).map((item) => item.name),
  };
}

/** The difference between two parsed configs, for one log line. */
export function configChanges(before: ProxyConfig, after: ProxyConfig): ConfigChanges {
  const sections = (Object.keys(after) as (keyof ProxyConfig)[]).filter(
    (key) => key !== 'clusters' && key !== 'routes' && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  return { clusters: byName(before.clusters, after.clusters), routes: byName(before.routes, after.routes), sections };
}

/**
 * A config in force whose listener or admin address differs from where the process bound
 * them at start (`bound`): said in a warning, since only a restart moves them; undefined
 * when they agree (a config moved away and back again included).
 */
export function restartWarning(bound: BoundAddresses, now: BoundAddresses): string | undefined {
  const moved = (['listener', 'admin'] as const).filter(
    (server) => bound[server].host !== now[server].host || bound[server].port !== now[server].port,
  );
  if (moved.length === 0) return undefined;
  const verb = moved.length > 1 ? 'addresses change' : 'address changes';
  return `the ${moved.join(' and ')} ${verb} only on restart: the process still listens where it started`;
}
