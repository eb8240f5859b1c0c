import { s } from '@mirrormesh/schema';
import { headerName } from './schema-primitives';
import { stringMatchSchema } from './string-match.schema';

/** One Istio HTTPMatchRequest: every condition it names must hold. */
export const matchSchema = s.object({
  uri: stringMatchSchema.optional(),
  headers: s.record(stringMatchSchema, headerName).optional(),
  method: stringMatchSchema.optional(),
});
