import { s } from '@mirrormesh/schema';

/** Compiles only patterns that compile; the message says why a pattern is rejected. */
const regex = s.string({ minLength: 1, maxLength: 1024 }).refine((pattern) => {
  try {
    new RegExp(pattern);
    return undefined;
  } catch {
    return 'must be a valid regular expression';
  }
});

/** Istio's StringMatch: exactly one of exact, prefix or regex (regex matches the whole value). */
export const stringMatchSchema = s
  .object({
    exact: s.string().optional(),
    prefix: s.string().optional(),
    regex: regex.optional(),
  })
  .describe('Exactly one of exact, prefix, regex (regex matches the whole value).')
  .refine((m) => {
    const set = [m.exact, m.prefix, m.regex].filter((v) => v !== undefined).length;
    return set === 1 ? undefined : 'must set exactly one of exact, prefix, regex';
  });
