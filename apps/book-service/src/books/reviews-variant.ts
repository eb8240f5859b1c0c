import { setTimeout as sleep } from 'node:timers/promises';
import { type VariantConfig } from '../config/book-service.config';
import { InjectedReviewsFaultError } from './errors';

/** What a variant does before reviews are read: nothing, wait, or fail (schema-change changes answers instead). */
export interface ReviewsVariant {
  beforeReviews(bookId: number): Promise<void>;
}

export const REVIEWS_VARIANT = Symbol('REVIEWS_VARIANT');

/** Uniform in [delay - jitter, delay + jitter] for `uniform` in [0, 1): the average stays the configured delay. */
export function reviewsDelayMs(config: { readonly delayMs: number; readonly jitterMs: number }, uniform: number): number {
  return config.delayMs + (uniform * 2 - 1) * config.jitterMs;
}

export function createReviewsVariant(config: VariantConfig, random: () => number = Math.random): ReviewsVariant {
  switch (config.kind) {
    case 'live':
    case 'schema-change':
      return { beforeReviews: () => Promise.resolve() };
    case 'delay':
      return { beforeReviews: () => sleep(reviewsDelayMs(config, random())) };
    case 'fault':
      return {
        beforeReviews: (bookId) => (config.bookIds.has(bookId) ? Promise.reject(new InjectedReviewsFaultError(bookId)) : Promise.resolve()),
      };
  }
}
