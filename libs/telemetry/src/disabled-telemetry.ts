import { type Telemetry } from './telemetry';

/** Telemetry turned off: same surface, no work, so callers never branch on it. */
export function disabledTelemetry(roleName: string, versionTag: string | undefined): Telemetry {
  return {
    enabled: false,
    roleName,
    versionTag,
    trackRequest: () => undefined,
    trackDependency: () => undefined,
    ready: () => Promise.resolve(),
    flush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
}
