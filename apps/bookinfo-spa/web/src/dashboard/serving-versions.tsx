import type { ServingVersion } from '../../../src/mesh/mesh-dashboard.dto';

/** Which version each cluster serves now, as it answers itself: after a rollout only this changes. */
export function ServingVersions({ serving }: { readonly serving: readonly ServingVersion[] }) {
  const mirrors = serving.filter((s) => s.kind === 'mirror');
  return (
    <p className="serving">
      {serving
        .filter((s) => s.kind === 'live')
        .map((s) => (
          <span key={`live:${s.cluster}`}>
            <span className="swatch swatch-live" aria-hidden="true" />
            Live serving now: <code data-testid="live-version">{s.versionTag ?? 'unknown (no answer)'}</code>{' '}
          </span>
        ))}
      {mirrors.length === 0 ? (
        <span data-testid="mirror-version">No mirror configured.</span>
      ) : (
        mirrors.map((s) => (
          <span key={`mirror:${s.cluster}`}>
            <span className="swatch swatch-mirror" aria-hidden="true" />
            Mirror serving now: <code data-testid="mirror-version">{s.versionTag ?? 'unknown (no answer)'}</code>{' '}
          </span>
        ))
      )}
    </p>
  );
}
