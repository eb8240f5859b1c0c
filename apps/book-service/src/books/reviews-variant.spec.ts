import { InjectedReviewsFaultError } from './errors';
import { createReviewsVariant } from './reviews-variant';

describe('createReviewsVariant', () => {
  it('live: resolves at once', async () => {
    const started = performance.now();
    await createReviewsVariant({ kind: 'live' }).beforeReviews(2);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('delay: waits the delay, shifted by at most the jitter', async () => {
    const lowest = createReviewsVariant({ kind: 'delay', delayMs: 120, jitterMs: 60 }, () => 0);
    const highest = createReviewsVariant({ kind: 'delay', delayMs: 120, jitterMs: 60 }, () => 0.999);
    let started = performance.now();
    await lowest.beforeReviews(1);
    const low = performance.now() - started;
    started = performance.now();
    await highest.beforeReviews(1);
    const high = performance.now() - started;
    expect(low).toBeGreaterThanOrEqual(59);
    expect(low).toBeLessThan(120);
    expect(high).toBeGreaterThanOrEqual(179);
  });

  it('fault: fails exactly for the configured books', async () => {
    const fault = createReviewsVariant({ kind: 'fault', bookIds: new Set([2, 4]) });
    await expect(fault.beforeReviews(2)).rejects.toBeInstanceOf(InjectedReviewsFaultError);
    await expect(fault.beforeReviews(4)).rejects.toMatchObject({ code: 'REVIEWS_FAULT' });
    await expect(fault.beforeReviews(3)).resolves.toBeUndefined();
  });
});
