import { Dice } from './seeded-random';
import type { DependencyRow, JsonObject, RequestRow, TelemetrySet } from './telemetry-schemas';

/** The corpus's `now()`: 2026-12-01T08:00:00Z. Every generated row lies in the two hours before it. */
export const NOW = Date.UTC(2026, 11, 1, 8, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export const REQUEST_COUNT = 600;
export const DEPENDENCY_COUNT = 400;
const SEED = 20261201;
/** The instrumentation key stands in for the resource name (`appName`), as the collector does. */
export const IKEY = '00000000-0000-4000-8000-00000000c011';

export const VERSION_TAGS = ['V1MIR-LiveBookService', 'V2MIR-BookService', 'V3MIR-BookServiceDelay', 'V4MIR-BookServiceFault'] as const;
export const ROUTES = ['GET /books', 'GET /books/{id}', 'GET /books/{id}/reviews'] as const;

/**
 * Rows placed on the boundaries the queries test (`> ago(15m)` excludes NOW-15m, `between` includes both
 * ends, `duration > 1000` excludes 1000): request i gets these instead of random values.
 */
const PINNED_TIMES: Readonly<Record<number, number>> = { 0: NOW - 15 * MINUTE, 1: NOW - HOUR, 2: NOW - 30 * MINUTE };
const PINNED_DURATIONS: Readonly<Record<number, number>> = { 3: 100, 4: 500, 5: 1000 };

/** The generated telemetry: the same rows on every run. */
export function telemetrySet(): TelemetrySet {
  const dice = new Dice(SEED);
  const unique = new UniqueDraws(dice);
  const requests: RequestRow[] = [];
  for (let i = 0; i < REQUEST_COUNT; i++) requests.push(request(i, dice, unique));
  const dependencies: DependencyRow[] = [];
  for (let i = 0; i < DEPENDENCY_COUNT; i++) dependencies.push(dependency(i, dice, unique));
  return { requests, dependencies };
}

function request(i: number, dice: Dice, unique: UniqueDraws): RequestRow {
  const spa = dice.chance(0.2);
  const tagIndex = spa ? -1 : dice.weighted([0, 1, 2, 3, -1].map((t, n) => [t, [4, 2, 2, 2, 1][n] ?? 1] as const));
  const tag = VERSION_TAGS[tagIndex];
  const name = spa ? dice.pick(['GET /', 'GET /books']) : dice.weighted(ROUTES.map((r, n) => [r, 5 - 1.5 * n] as const));
  const bookId = dice.int(1, 12);
  const path = name.slice(4).replace('{id}', String(bookId));
  const host = spa ? 'bookinfo-spa:3000' : 'bookservice:8080';
  const role = spa ? 'bookinfo-spa' : 'bookservice';
  const pod = dice.pick(['7d9f5', 'c41a2']);
  const instance = spa ? 'bookinfo-spa-5c8d7' : tag === undefined ? `bookservice-${pod}` : `bookservice-v${tagIndex + 1}-${pod}`;
  const resultCode =
    tagIndex === 3 && dice.chance(0.3)
      ? '500'
      : name === 'GET /books/{id}' && dice.chance(0.12)
        ? '404'
        : spa && dice.chance(0.06)
          ? dice.pick(['404', '500'])
          : '200';
  const baseMs =
    resultCode === '500'
      ? dice.int(5, 15)
      : spa
        ? dice.int(2, 30)
        : dice.int(10, 40) * (1 + ROUTES.indexOf(name as (typeof ROUTES)[number]));
  const delayMs = tagIndex === 2 ? dice.int(800, 1600) : 0;
  const dims: Record<string, JsonObject[string]> = tag === undefined ? {} : { VersionTag: tag };
  if (!spa && dice.chance(0.4)) dims['Pod'] = { name: instance, zone: dice.pick(['zone-a', 'zone-b']) };
  const operationId = dice.hex(32);
  return {
    timestamp: PINNED_TIMES[i] ?? unique.timestamp('requests'),
    id: dice.hex(16),
    name,
    url: `http://${host}${path}`,
    duration: PINNED_DURATIONS[i] ?? unique.duration('requests', baseMs + delayMs),
    resultCode,
    success: Number(resultCode) < 400,
    itemCount: dice.weighted([[1, 0.87] as const, [2, 0.1] as const, [4, 0.03] as const]),
    // A few rows carry no custom dimensions at all, so dynamic access meets null.
    customDimensions: i % 97 === 13 ? null : dims,
    customMeasurements: name === 'GET /books' && resultCode === '200' ? { bookCount: dice.int(5, 40) } : null,
    cloud_RoleName: role,
    cloud_RoleInstance: instance,
    operation_Id: operationId,
    operation_ParentId: spa ? operationId : `${operationId.slice(0, 16)}`,
    operation_Name: name,
    sdkVersion: 'node:3.9.0',
    client_Type: 'PC',
    appName: IKEY,
    itemType: 'request',
  };
}

type DependencyKind = 'live' | 'mirror' | 'noise' | 'sql';

function dependency(i: number, dice: Dice, unique: UniqueDraws): DependencyRow {
  const kind = dice.weighted<DependencyKind>([
    ['live', 5],
    ['mirror', 3],
    ['noise', 1],
    ['sql', 1],
  ]);
  const sql = kind === 'sql';
  const name = sql ? 'SELECT books' : dice.pick(ROUTES);
  const target = { live: 'bookservicelive', mirror: 'bookservicemirror', noise: 'bookservicelive2', sql: 'books.db' }[kind];
  const path = name.slice(4).replace('{id}', String(dice.int(1, 12)));
  // Aborted exchanges have no status, no outcome and no duration; timed-out ones fail after 1 s.
  const outcome = sql ? 'sql' : dice.weighted([['ok', 0.94] as const, ['aborted', 0.03] as const, ['timeout', 0.03] as const]);
  const resultCode =
    outcome === 'sql'
      ? '0'
      : outcome !== 'ok'
        ? ''
        : dice.weighted([['200', 0.82] as const, ['404', 0.1] as const, ['500', 0.08] as const]);
  const baseMs = outcome === 'timeout' ? 1000 : sql ? dice.int(1, 5) : dice.int(8, 120);
  const dims: JsonObject | null =
    kind === 'mirror'
      ? { Mirror: 'true', VersionTag: dice.pick(VERSION_TAGS.slice(1)) }
      : kind === 'noise'
        ? { Mirror: 'true', NoiseReference: 'true' }
        : sql && i % 7 === 0
          ? null
          : {};
  const operationId = dice.hex(32);
  return {
    timestamp: unique.timestamp('dependencies'),
    id: dice.hex(16),
    name,
    target,
    type: sql ? 'SQL' : 'HTTP',
    data: sql ? 'SELECT * FROM books WHERE id = ?' : `http://${target}:8080${path}`,
    duration: outcome === 'aborted' ? null : unique.duration('dependencies', baseMs),
    resultCode,
    success: outcome === 'aborted' ? null : outcome === 'timeout' ? false : Number(resultCode) < 400,
    itemCount: 1,
    customDimensions: dims,
    customMeasurements: null,
    cloud_RoleName: sql ? 'bookservice' : 'bookinfo-spa',
    cloud_RoleInstance: sql ? 'bookservice-v1-7d9f5' : 'bookinfo-spa-5c8d7',
    operation_Id: operationId,
    operation_ParentId: operationId.slice(0, 16),
    operation_Name: sql ? 'GET /books/{id}' : name,
    sdkVersion: 'node:3.9.0',
    client_Type: 'PC',
    appName: IKEY,
    itemType: 'dependency',
  };
}

/**
 * Timestamps and durations unique within a table, so `sort`, `top` and `take` after a sort have one right
 * answer; durations carry 100 ns ticks whose last two digits are never 50 (and never exactly half a
 * millisecond), so `round(duration[, 2])` never sits on a midpoint where rounding rules differ.
 */
class UniqueDraws {
  private readonly seen = new Map<string, Set<number>>();

  constructor(private readonly dice: Dice) {
    for (const t of Object.values(PINNED_TIMES)) this.used('requests:t').add(t);
    for (const d of Object.values(PINNED_DURATIONS)) this.used('requests:d').add(d);
  }

  /** Whole milliseconds in (NOW - 2h, NOW). */
  timestamp(table: string): number {
    return this.draw(`${table}:t`, () => NOW - 1 - Math.floor(this.dice.unit() * (2 * HOUR - 2)));
  }

  /** `wholeMs` plus a random tick fraction. */
  duration(table: string, wholeMs: number): number {
    return this.draw(`${table}:d`, () => {
      const ticks = this.dice.int(1, 9999);
      return ticks % 100 === 50 || ticks === 5000 ? wholeMs : wholeMs + ticks / 10_000;
    });
  }

  private draw(key: string, make: () => number): number {
    const used = this.used(key);
    for (;;) {
      const value = make();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  }

  private used(key: string): Set<number> {
    let set = this.seen.get(key);
    if (set === undefined) this.seen.set(key, (set = new Set()));
    return set;
  }
}
