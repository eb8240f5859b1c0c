import { s, type Infer } from '@mirrormesh/schema';
import { PROXY_DEFAULTS } from './proxy-defaults';
import { duration, headerName, method } from './schema-primitives';

/** Where a route's copies go, and how each copy is made and bounded. */
export const mirrorSchema = s.object({
  cluster: s.string({ minLength: 1 }),
  shadowHostSuffix: s.boolean().default(true),
  forwardCredentials: s.boolean().default(PROXY_DEFAULTS.mirrorForwardCredentials),
  headers: s
    .object({
      request: s.object({
        set: s.record(s.string(), headerName).optional(),
        add: s.record(s.string(), headerName).optional(),
        remove: s.array(headerName).optional(),
      }),
    })
    .optional(),
  methods: s.array(method, { minItems: 1 }).optional(),
  maxBodyBytes: s.integer({ min: 0, max: 64 * 1024 * 1024 }).default(PROXY_DEFAULTS.mirrorMaxBodyBytes),
  timeout: duration.default(PROXY_DEFAULTS.mirrorTimeout),
});

export type MirrorConfig = Infer<typeof mirrorSchema>;
