import { parseEnv, s, SchemaError } from '@mirrormesh/schema';
import { SERVICE_ENV, serviceOptionsFrom, type ServiceOptions } from '@mirrormesh/service-kit';

export const VARIANTS = ['live', 'delay', 'fault', 'schema-change'] as const;
export type VariantName = (typeof VARIANTS)[number];

/** The lab's defaults, so that each variant started bare already reports as in the lab. */
export const DEFAULT_VERSION_TAGS: Readonly<Record<VariantName, string>> = {
  live: 'V1MIR-LiveBookService',
  delay: 'V3MIR-BookServiceDelay',
  fault: 'V4MIR-BookServiceFault',
  'schema-change': 'V5MIR-BookServiceSchemaChange',
};
export const DEFAULT_REVIEWS_DELAY_MS = 1200;
export const DEFAULT_FAULT_BOOK_IDS = [2, 4];

export const BOOK_SERVICE_ENV = {
  ...SERVICE_ENV,
  BOOK_SERVICE_VARIANT: s.oneOf(VARIANTS).default('live'),
  REVIEWS_DELAY_MS: s.integer({ min: 0, max: 600_000, fromString: true }).default(DEFAULT_REVIEWS_DELAY_MS),
  REVIEWS_DELAY_JITTER_MS: s.integer({ min: 0, max: 600_000, fromString: true }).default(0),
  FAULT_BOOK_IDS: s.commaList(s.integer({ min: 1, max: 2 ** 31 - 1, fromString: true })).default(DEFAULT_FAULT_BOOK_IDS),
};

/** How the service misbehaves, per variant: reviews wait or fail, or the answers change shape. */
export type VariantConfig =
  | { readonly kind: 'live' }
  | { readonly kind: 'schema-change' }
  | { readonly kind: 'delay'; readonly delayMs: number; readonly jitterMs: number }
  | { readonly kind: 'fault'; readonly bookIds: ReadonlySet<number> };

export interface BookServiceConfig {
  readonly service: ServiceOptions;
  readonly variant: VariantConfig;
}

export function loadBookServiceConfig(env: NodeJS.ProcessEnv): BookServiceConfig {
  const e = parseEnv(BOOK_SERVICE_ENV, env);
  if (e.REVIEWS_DELAY_JITTER_MS > e.REVIEWS_DELAY_MS) {
    // The jitter is symmetric around the delay: a larger one would need negative waits.
    throw new SchemaError(
      [{ path: ['REVIEWS_DELAY_JITTER_MS'], message: `must not exceed REVIEWS_DELAY_MS (${e.REVIEWS_DELAY_MS})` }],
      'environment',
    );
  }
  const kind = e.BOOK_SERVICE_VARIANT;
  const versionTag = e.VERSION_TAG ?? DEFAULT_VERSION_TAGS[kind];
  return {
    service: {
      ...serviceOptionsFrom('book-service', e),
      versionTag,
      openApi: {
        title: 'Book service',
        description: `The book catalogue and its reviews (${versionTag}, variant ${kind}).`,
        version: '1.0',
      },
    },
    variant: variantConfig(kind, e),
  };
}

interface VariantEnv {
  readonly REVIEWS_DELAY_MS: number;
  readonly REVIEWS_DELAY_JITTER_MS: number;
  readonly FAULT_BOOK_IDS: readonly number[];
}

function variantConfig(kind: VariantName, e: VariantEnv): VariantConfig {
  switch (kind) {
    case 'live':
    case 'schema-change':
      return { kind };
    case 'delay':
      return { kind, delayMs: e.REVIEWS_DELAY_MS, jitterMs: e.REVIEWS_DELAY_JITTER_MS };
    case 'fault':
      return { kind, bookIds: new Set(e.FAULT_BOOK_IDS) };
  }
}
