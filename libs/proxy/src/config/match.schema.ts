import { s, type Schema } from '@mirrormesh/schema';
import { headerName } from './schema-primitives';
import { headerMatchSchema, stringMatchSchema } from './string-match.schema';

/** How many names one `headers`, `withoutHeaders` or `queryParams` map may hold. */
export const MAX_MATCH_NAMES = 32;

const matchMap = <T>(value: Schema<T>, key: Schema<string>) =>
  s
    .record(value, key)
    .describe(`At most ${MAX_MATCH_NAMES} names.`)
    .refine((map) => (Object.keys(map).length <= MAX_MATCH_NAMES ? undefined : `must name at most ${MAX_MATCH_NAMES} entries`));

const queryParamName = s.string({ minLength: 1, maxLength: 256 });

/** One Istio HTTPMatchRequest: every condition it names must hold. */
export const matchSchema = s.object({
  uri: stringMatchSchema.optional(),
  /** Istio: uri matched case-insensitively (exact and prefix compared lower-cased, regex with the `i` flag). */
  ignoreUriCase: s.boolean().optional(),
  headers: matchMap(headerMatchSchema, headerName).optional(),
  /** The route matches when none of these headers matches (Istio `withoutHeaders`); `{}` = the header is absent. */
  withoutHeaders: matchMap(headerMatchSchema, headerName).optional(),
  /** The first value of each query parameter, decoded (`%xx`, `+` as space). */
  queryParams: matchMap(stringMatchSchema, queryParamName).optional(),
  /** The Host header as received (port included). */
  authority: stringMatchSchema.optional(),
  method: stringMatchSchema.optional(),
});
