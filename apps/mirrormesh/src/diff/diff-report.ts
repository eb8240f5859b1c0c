import { type DiffKind, type DiffPathReport, type DiffReport, type DiffRouteReport, type JsonValue } from '@mirrormesh/proxy';

/**
 * The sidecar's `GET /diff` answer, as the proxy defines it (types only: nothing of the proxy
 * is loaded). Counters are cumulative since the sidecar started.
 */
export { type DiffKind, type DiffPathReport, type DiffReport, type DiffRouteReport };

/** The kinds a path may differ by; a kind the proxy adds fails to compile here until it is known. */
const KINDS: Readonly<Record<DiffKind, true>> = { added: true, removed: true, 'type-changed': true, 'value-changed': true };
const isKind = (v: unknown): v is DiffKind => typeof v === 'string' && Object.prototype.hasOwnProperty.call(KINDS, v);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** A path of an answer read leniently; undefined when its kind is not one the proxy reports. */
function diffPath(p: Record<string, unknown>): DiffPathReport | undefined {
  if (!isKind(p.kind)) return undefined;
  const example = isObject(p.example) ? p.example : {};
  return {
    path: str(p.path),
    kind: p.kind,
    count: num(p.count),
    rate: num(p.rate),
    noiseCount: num(p.noiseCount),
    noiseRate: num(p.noiseRate),
    noise: p.noise === true,
    // Values parsed from JSON are JSON values.
    example: {
      requestId: str(example.requestId),
      live: (example.live ?? null) as JsonValue,
      candidate: (example.candidate ?? null) as JsonValue,
    },
  };
}

/** Reads a GET /diff answer leniently (missing numbers are 0); undefined when it is not shaped like one at all. */
export function parseDiffReport(body: unknown): DiffReport | undefined {
  if (!isObject(body) || !Array.isArray(body.routes)) return undefined;
  const given = isObject(body.pending) ? body.pending : {};
  const pending = { count: num(given.count), bytes: num(given.bytes), maxCount: num(given.maxCount), maxBytes: num(given.maxBytes) };
  return {
    pending,
    dropped: list(body.dropped).map((d) => ({ route: str(d.route), mirror: str(d.mirror), reason: str(d.reason), count: num(d.count) })),
    routes: list(body.routes).map((r): DiffRouteReport => ({
      route: str(r.route),
      mirror: str(r.mirror),
      compared: num(r.compared),
      identical: num(r.identical),
      different: num(r.different),
      regressions: num(r.regressions),
      noise: isObject(r.noise)
        ? { cluster: str(r.noise.cluster), compared: num(r.noise.compared), different: num(r.noise.different) }
        : null,
      paths: list(r.paths)
        .map(diffPath)
        .filter((path) => path !== undefined),
      pathsOverflow: num(r.pathsOverflow),
    })),
  };
}
