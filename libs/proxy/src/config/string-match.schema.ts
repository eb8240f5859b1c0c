import { s } from '@mirrormesh/schema';

/** Compiles only patterns that compile; the message says why a pattern is rejected. */
export const regex = s.string({ minLength: 1, maxLength: 1024 }).refine((pattern) => {
  try {
    new RegExp(pattern);
    return undefined;
  } catch {
    return 'must be a valid regular expression';
  }
});

const stringMatchShape = {
  exact: s.string().optional(),
  prefix: s.string().optional(),
  regex: regex.optional(),
};

const setCount = (m: { exact?: string; prefix?: string; regex?: string }) =>
  [m.exact, m.prefix, m.regex].filter((v) => v !== undefined).length;

/** Istio's StringMatch: exactly one of exact, prefix or regex (regex matches the whole value). */
export const stringMatchSchema = s
  .object(stringMatchShape)
  .describe('Exactly one of exact, prefix, regex (regex matches the whole value).')
  .refine((m) => (setCount(m) === 1 ? undefined : 'must set exactly one of exact, prefix, regex'));

/**
 * A header's StringMatch, where Istio also takes the empty matcher `{}` as "the header is
 * present" (Envoy's `present_match`): at most one of exact, prefix, regex.
 */
export const headerMatchSchema = s
  .object(stringMatchShape)
  .describe('At most one of exact, prefix, regex (regex matches the whole value); {} means "present".')
  .refine((m) => (setCount(m) <= 1 ? undefined : 'must set at most one of exact, prefix, regex ({} means "present")'));
