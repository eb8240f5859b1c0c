/**
 * Characters JSON.stringify would escape or rewrite: controls, quote, backslash, and
 * surrogates (a lone one becomes \udxxx; a valid pair is cheap to send the slow way).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_ESCAPING = /[\u0000-\u001f"\\\ud800-\udfff]/;

/**
 * A string as a JSON string literal, exactly as JSON.stringify writes it. Request targets,
 * ids and user agents almost never need escaping, so the common case is one regex test
 * and a concatenation instead of a full JSON.stringify.
 */
export function jsonString(text: string): string {
  return NEEDS_ESCAPING.test(text) ? JSON.stringify(text) : `"${text}"`;
}
