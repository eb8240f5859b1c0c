/** Where the config in force came from, as `x-config-source` on GET /config says it. */
export type ConfigOrigin = 'file' | 'admin-api';

/**
 * The file is the sidecar's control plane: as in Istio, its latest push wins. A change made
 * through the admin API stays in force until the file is next loaded (file change, SIGHUP),
 * which replaces it; this counts the runtime changes a load replaces, so it can be logged.
 */
export class ConfigSource {
  private runtimeChanges = 0;

  get origin(): ConfigOrigin {
    return this.runtimeChanges === 0 ? 'file' : 'admin-api';
  }

  adminApplied(): void {
    this.runtimeChanges += 1;
  }

  /** The file's config is in force again; returns how many runtime changes it replaced. */
  fileApplied(): number {
    const replaced = this.runtimeChanges;
    this.runtimeChanges = 0;
    return replaced;
  }
}
