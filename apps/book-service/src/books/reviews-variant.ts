import { setTimeout as sleep } from 'node:timers/promises';
import { type VariantConfig } from '../config/book-service.config';
import { InjectedReviewsFaultError } from './errors';

/** What a variant does before reviews are read: nothing, wait, or fail. */
export interface ReviewsVariant {
  beforeReviews(bookId: number): Promise<void>;
}

export const REVIEWS_VARIANT = Symbol('REVIEWS_VARIANT');

export function createReviewsVariant(config: VariantConfig, random: () => number = Math.random): ReviewsVariant {
  switch (config.kind) {
    case 'live':
      return { beforeReviews: () => Promise.resolve() };
    case 'delay':
      return {
        // Uniform in [delay - jitter, delay + jitter]: the average stays the configured delay.
        beforeReviews: () => sleep(config.delayMs + (random() * 2 - 1) * config.jitterMs),
      };
    case 'fault':
      return {
        beforeReviews: (bookId) => (config.bookIds.has(bookId) ? Promise.reject(new InjectedReviewsFaultError(bookId)) : Promise.resolve()),
      };
  }
}
