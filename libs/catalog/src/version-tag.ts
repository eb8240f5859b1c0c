/** The custom dimension that carries a service's VersionTag on every telemetry item; the lab's query filters and groups by it. */
export const VERSION_TAG_DIMENSION = 'VersionTag';

/**
 * What a VersionTag (`VERSION_TAG`, e.g. `V2MIR-BookService`) may be, for every package that
 * reads one: it goes out as a response header (`x-version-tag`) and on telemetry items, so it is
 * short and header-safe. In the shape of `s.string()`'s rules.
 */
export const VERSION_TAG_RULES = {
  minLength: 1,
  maxLength: 100,
  pattern: /^[\w.:-]+$/,
  patternRule: 'must contain only letters, digits and . _ : -',
} as const;
