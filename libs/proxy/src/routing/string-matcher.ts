import { type StringMatch } from '../config/proxy-config.schema';

export type StringMatcher = (value: string | undefined) => boolean;

/** Compiles an Istio StringMatch once; regex matches the whole value, as in Istio (RE2 full match). */
export function compileStringMatch(match: StringMatch): StringMatcher {
  if (match.exact !== undefined) {
    const exact = match.exact;
    return (value) => value === exact;
  }
  if (match.prefix !== undefined) {
    const prefix = match.prefix;
    return (value) => value !== undefined && value.startsWith(prefix);
  }
  const regex = new RegExp(`^(?:${match.regex ?? ''})$`);
  return (value) => value !== undefined && regex.test(value);
}
