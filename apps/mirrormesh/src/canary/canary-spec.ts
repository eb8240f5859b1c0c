import { AnalysisSpecError as SpecError } from '../errors';

/**
 * The analysis as `mirrormesh canary` takes it, from flags or from a YAML file with the same
 * fields (camelCase there, kebab-case as flags). Every value is checked here, and a bad one
 * names its key and the rule.
 */
export interface CanarySpec {
  /** The cluster serving users now (Flagger's primary). */
  readonly primary: string;
  /** The cluster of the new version. */
  readonly canary: string;
  /** The route to shift; default: the only route whose destinations include the primary. */
  readonly route: string | undefined;
  /** The sidecar's admin API; default: the running mesh's, if it publishes one. */
  readonly admin: string | undefined;
  readonly stepWeight: number;
  readonly maxWeight: number;
  readonly intervalMs: number;
  readonly threshold: number;
  /** Percent. */
  readonly minSuccessRate: number;
  readonly maxP99Ms: number;
  readonly shadow: boolean;
  /** Fraction 0-1 (given as a percent: `1%` or `1`). */
  readonly maxDiffRate: number | undefined;
  /** `mirrormesh poll` options for the load driven while the analysis runs. */
  readonly load: string | undefined;
  readonly json: boolean;
}

/** Flagger's defaults where it has them (interval 1m is too slow for a local run: 10s). */
export const CANARY_DEFAULTS = {
  stepWeight: 10,
  maxWeight: 50,
  intervalMs: 10_000,
  threshold: 5,
  minSuccessRate: 99,
  maxP99Ms: 500,
} as const;

/** The longest interval taken: a run is meant to finish while someone waits for it. */
export const MAX_INTERVAL_MS = 3_600_000;

export const SPEC_KEYS = [
  'primary',
  'canary',
  'route',
  'admin',
  'stepWeight',
  'maxWeight',
  'interval',
  'threshold',
  'minSuccessRate',
  'maxP99',
  'shadow',
  'maxDiffRate',
  'load',
  'json',
] as const;
export type SpecKey = (typeof SPEC_KEYS)[number];

/** Raw values by key: strings from flags, anything from YAML. */
export type RawSpec = Partial<Record<SpecKey, unknown>>;

/** How a key is named to the user (`--step-weight` or `stepWeight` in analysis.yaml). */
export type KeyName = (key: SpecKey) => string;

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000 } as const;

function reader(raw: RawSpec, name: KeyName) {
  const bad = (key: SpecKey, rule: string, value: unknown): never => {
    throw new SpecError(`${name(key)} ${rule} (got ${JSON.stringify(value)?.slice(0, 60) ?? String(value)})`);
  };
  const number = (key: SpecKey, min: number, max: number, integer: boolean, fallback: number, suffix = ''): number => {
    const value = raw[key];
    if (value === undefined) return fallback;
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    const n = suffix !== '' && text.endsWith(suffix) ? Number(text.slice(0, -suffix.length)) : Number(text);
    if (text === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max)
      return bad(
        key,
        `must be ${integer ? 'an integer' : 'a number'} between ${min} and ${max}${suffix === '' ? '' : ` (optionally with "${suffix}")`}`,
        value,
      );
    return n;
  };
  const duration = (key: SpecKey, fallback: number, max: number): number => {
    const value = raw[key];
    if (value === undefined) return fallback;
    const match = typeof value === 'string' ? DURATION.exec(value.trim()) : null;
    const ms = match === null ? NaN : Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
    if (!(ms > 0) || ms > max) return bad(key, `must be a duration such as "500ms", "10s" or "1m", at most ${max / 1000} s`, value);
    return ms;
  };
  const name_ = (key: SpecKey, required: boolean): string | undefined => {
    const value = raw[key];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || !NAME.test(value))
      return bad(key, 'must be a cluster or route name (letters, digits, ".", "_", "-")', value);
    return value;
  };
  const text = (key: SpecKey, max: number): string | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.length > max) return bad(key, `must be a string of at most ${max} characters`, value);
    return value;
  };
  const flag = (key: SpecKey): boolean => {
    const value = raw[key];
    if (value === undefined) return false;
    if (typeof value !== 'boolean') return bad(key, 'must be true or false', value);
    return value;
  };
  return { number, duration, name: name_, text, flag, bad };
}

export function parseCanarySpec(raw: RawSpec, name: KeyName): CanarySpec {
  const r = reader(raw, name);
  const admin = r.text('admin', 2048);
  if (admin !== undefined && !/^https?:\/\/[^/]+\/?$/.test(admin))
    r.bad('admin', 'must be an http(s) origin such as http://127.0.0.1:15000', admin);
  const spec: CanarySpec = {
    primary: r.name('primary', true) as string,
    canary: r.name('canary', true) as string,
    route: r.name('route', false),
    admin: admin?.replace(/\/$/, ''),
    stepWeight: r.number('stepWeight', 1, 100, true, CANARY_DEFAULTS.stepWeight),
    maxWeight: r.number('maxWeight', 1, 100, true, CANARY_DEFAULTS.maxWeight),
    intervalMs: r.duration('interval', CANARY_DEFAULTS.intervalMs, MAX_INTERVAL_MS),
    threshold: r.number('threshold', 1, 1000, true, CANARY_DEFAULTS.threshold),
    minSuccessRate: r.number('minSuccessRate', 0, 100, false, CANARY_DEFAULTS.minSuccessRate, '%'),
    maxP99Ms: r.duration('maxP99', CANARY_DEFAULTS.maxP99Ms, MAX_INTERVAL_MS),
    shadow: r.flag('shadow'),
    maxDiffRate: raw.maxDiffRate === undefined ? undefined : r.number('maxDiffRate', 0, 100, false, 0, '%') / 100,
    load: r.text('load', 1000),
    json: r.flag('json'),
  };
  if (spec.primary === spec.canary) r.bad('canary', 'must name another cluster than the primary', spec.canary);
  if (spec.stepWeight > spec.maxWeight) r.bad('stepWeight', `must not exceed maxWeight (${spec.maxWeight})`, spec.stepWeight);
  if (spec.maxDiffRate !== undefined && !spec.shadow) r.bad('maxDiffRate', 'applies to shadow mode only (add shadow)', raw.maxDiffRate);
  return spec;
}
