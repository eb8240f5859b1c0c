import { UsageError } from '../errors';

/**
 * Runs a strict `util.parseArgs`: an unknown or malformed option becomes a UsageError
 * naming the command and the option.
 */
export function withUsageErrors<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`mirrormesh ${command}: ${(error as Error).message.replace(/\. To specify a positional.*$/s, '')}`);
  }
}

/** `--rate 20` → 20; anything but a number in range is a UsageError with the rule. */
export function numberOption(
  command: string,
  name: string,
  raw: string | undefined,
  rule: { min: number; max: number; integer?: boolean },
  fallback: number,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  const integer = rule.integer ?? false;
  if (raw.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < rule.min || value > rule.max) {
    throw new UsageError(
      `mirrormesh ${command}: --${name} must be ${integer ? 'an integer' : 'a number'} between ${rule.min} and ${rule.max} (got ${JSON.stringify(raw)})`,
    );
  }
  return value;
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000 } as const;

/** `--duration 30s` → 30000. */
export function durationOption(command: string, name: string, raw: string): number {
  const match = DURATION.exec(raw.trim());
  const ms = match === null ? NaN : Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (!(ms > 0) || ms > 24 * 3_600_000) {
    throw new UsageError(
      `mirrormesh ${command}: --${name} must be a duration such as "30s", "500ms" or "2m", at most 24 hours (got ${JSON.stringify(raw)})`,
    );
  }
  return ms;
}

/** `--books 1,2,4` → [1, 2, 4]. */
export function bookIdsOption(command: string, raw: string | undefined, fallback: readonly number[]): readonly number[] {
  if (raw === undefined) return fallback;
  const ids = raw.split(',').map((part) => part.trim());
  if (ids.length === 0 || ids.some((id) => !/^[1-9]\d{0,8}$/.test(id))) {
    throw new UsageError(
      `mirrormesh ${command}: --books must be a comma-separated list of book ids such as 1,2,4 (got ${JSON.stringify(raw)})`,
    );
  }
  return ids.map(Number);
}
