import type { JsonValue } from './telemetry-schemas';

/** `d["a"]["b"]` / `d.a.b`: null when any step is missing or not an object. */
export function dyn(value: JsonValue | undefined, ...keys: string[]): JsonValue {
  let current: JsonValue | undefined = value;
  for (const key of keys) {
    if (current === null || current === undefined || typeof current !== 'object' || Array.isArray(current)) return null;
    current = (current as { readonly [key: string]: JsonValue })[key];
  }
  return current ?? null;
}

/** `tostring()`: null is "", a string is itself (no quotes), anything else its JSON text. */
export function tostring(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `toint()` / `tolong()` of a string: the integer it spells, else null ("" included). */
export function toint(text: string): number | null {
  return /^[+-]?\d+$/.test(text.trim()) ? Number(text) : null;
}

/** `tolong()` of a real: truncated toward zero. */
export function truncate(value: number | null): number | null {
  return value === null ? null : Math.trunc(value);
}

/** Kusto's string operators: case-insensitive unless `_cs`. */
export const contains = (haystack: string, needle: string): boolean => haystack.toLowerCase().includes(needle.toLowerCase());
export const startswith = (haystack: string, needle: string): boolean => haystack.toLowerCase().startsWith(needle.toLowerCase());
export const endswith = (haystack: string, needle: string): boolean => haystack.toLowerCase().endsWith(needle.toLowerCase());
export const equalsIgnoreCase = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** `has`: the needle (alphanumeric here) is a whole term of the haystack, case-insensitive. */
export function has(haystack: string, needle: string): boolean {
  return haystack
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .includes(needle.toLowerCase());
}

/** `bin(x, size)` / `floor(x, size)` for numbers and epoch-ms datetimes (sizes here divide a day). */
export function bin(value: number, size: number): number {
  return Math.floor(value / size) * size;
}

/** `round(x, digits)`; the corpus's values never sit on a midpoint, so the rounding rule does not matter. */
export function round(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Comparisons with null are false (Kusto), so a null-safe `>` etc. */
export const gt = (a: number | null, b: number): boolean => a !== null && a > b;
export const ge = (a: number | null, b: number): boolean => a !== null && a >= b;
export const lt = (a: number | null, b: number): boolean => a !== null && a < b;
export const le = (a: number | null, b: number): boolean => a !== null && a <= b;
