import { InjectedReviewsFaultError } from './errors';
import { createReviewsVariant, reviewsDelayMs } from './reviews-variant';

describe('createReviewsVariant', () => {
  it('live: resolves at once', async () => {
    const started = performance.now();
    await createReviewsVariant({ kind: 'live' }).beforeReviews(2);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('delay: spreads the wait uniformly over the delay ± the jitter', () => {
    const config = { delayMs: 120, jitterMs: 60 };
    expect(reviewsDelayMs(config, 0)).toBe(60);
    expect(reviewsDelayMs(config, 0.5)).toBe(120);
    expect(reviewsDelayMs(config, 0.75)).toBe(150);
    expect(reviewsDelayMs({ delayMs: 1200, jitterMs: 0 }, 0.9)).toBe(1200);
  });

  // Regression: asserting the wall clock to the millisecond failed when a timer fired a fraction
  // of a millisecond before performance.now() said it was due; allow the timer's 1 ms granularity.
  it('delay: waits that long before reviews are read', async () => {
    const variant = createReviewsVariant({ kind: 'delay', delayMs: 120, jitterMs: 60 }, () => 0.75);
    const started = performance.now();
    await variant.beforeReviews(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150 - 1);
  });

  it('fault: fails exactly for the configured books', async () => {
    const fault = createReviewsVariant({ kind: 'fault', bookIds: new Set([2, 4]) });
    await expect(fault.beforeReviews(2)).rejects.toBeInstanceOf(InjectedReviewsFaultError);
    await expect(fault.beforeReviews(4)).rejects.toMatchObject({ code: 'REVIEWS_FAULT' });
    await expect(fault.beforeReviews(3)).resolves.toBeUndefined();
  });
});
