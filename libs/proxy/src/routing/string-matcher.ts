import { type StringMatch } from '../config/proxy-config.schema';

export type StringMatcher = (value: string | undefined) => boolean;

const isPresent: StringMatcher = (value) => value !== undefined;

/**
 * Compiles an Istio StringMatch once; regex matches the whole value, as in Istio (RE2 full
 * match). The empty match `{}` (allowed for headers) means "present". `ignoreCase` is
 * Istio's `ignoreUriCase`: exact and prefix compared lower-cased, regex with the `i` flag.
 */
export function compileStringMatch(match: StringMatch, ignoreCase = false): StringMatcher {
  if (match.exact !== undefined) {
    const exact = ignoreCase ? match.exact.toLowerCase() : match.exact;
    if (ignoreCase) return (value) => value !== undefined && value.toLowerCase() === exact;
    return (value) => value === exact;
  }
  if (match.prefix !== undefined) {
    const prefix = ignoreCase ? match.prefix.toLowerCase() : match.prefix;
    if (ignoreCase) return (value) => value !== undefined && value.slice(0, prefix.length).toLowerCase() === prefix;
    return (value) => value !== undefined && value.startsWith(prefix);
  }
  if (match.regex === undefined) return isPresent;
  const regex = new RegExp(`^(?:${match.regex})$`, ignoreCase ? 'i' : '');
  return (value) => value !== undefined && regex.test(value);
}
