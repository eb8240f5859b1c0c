/**
 * The proxy's `GET /diff` answer (the shadow-diff contract): per route and mirror, cumulative
 * comparison counts and the differing paths with their rates, noise flag and an example.
 */
export interface DiffPath {
  readonly path: string;
  readonly kind: string;
  readonly count: number;
  readonly rate: number;
  readonly noiseCount: number;
  readonly noiseRate: number;
  readonly noise: boolean;
  readonly example: { readonly requestId: string; readonly live: unknown; readonly candidate: unknown } | undefined;
}

export interface RouteDiff {
  readonly route: string;
  readonly mirror: string;
  readonly compared: number;
  readonly identical: number;
  readonly different: number;
  readonly regressions: number;
  readonly noise: { readonly cluster: string; readonly compared: number; readonly different: number } | null;
  readonly paths: readonly DiffPath[];
  readonly pathsOverflow: number;
}

export interface DiffReport {
  readonly pending: { readonly count: number; readonly bytes: number; readonly maxCount: number; readonly maxBytes: number } | undefined;
  readonly dropped: readonly { readonly route: string; readonly mirror: string; readonly reason: string; readonly count: number }[];
  readonly routes: readonly RouteDiff[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObject) : []);

function diffPath(p: Record<string, unknown>): DiffPath {
  const example = isObject(p.example)
    ? { requestId: str(p.example.requestId), live: p.example.live, candidate: p.example.candidate }
    : undefined;
  return {
    path: str(p.path),
    kind: str(p.kind),
    count: num(p.count),
    rate: num(p.rate),
    noiseCount: num(p.noiseCount),
    noiseRate: num(p.noiseRate),
    noise: p.noise === true,
    example,
  };
}

/** Reads a GET /diff answer leniently (missing numbers are 0); undefined when it is not shaped like one at all. */
export function parseDiffReport(body: unknown): DiffReport | undefined {
  if (!isObject(body) || !Array.isArray(body.routes)) return undefined;
  const pending = isObject(body.pending)
    ? {
        count: num(body.pending.count),
        bytes: num(body.pending.bytes),
        maxCount: num(body.pending.maxCount),
        maxBytes: num(body.pending.maxBytes),
      }
    : undefined;
  return {
    pending,
    dropped: list(body.dropped).map((d) => ({ route: str(d.route), mirror: str(d.mirror), reason: str(d.reason), count: num(d.count) })),
    routes: list(body.routes).map((r) => ({
      route: str(r.route),
      mirror: str(r.mirror),
      compared: num(r.compared),
      identical: num(r.identical),
      different: num(r.different),
      regressions: num(r.regressions),
      noise: isObject(r.noise)
        ? { cluster: str(r.noise.cluster), compared: num(r.noise.compared), different: num(r.noise.different) }
        : null,
      paths: list(r.paths).map(diffPath),
      pathsOverflow: num(r.pathsOverflow),
    })),
  };
}
