import { BookCatalog } from '@mirrormesh/catalog';
import { createAnswerShape } from './answer-shape';

describe('createAnswerShape', () => {
  const catalog = new BookCatalog();
  const book = catalog.find(2)!;
  const reviews = catalog.reviewsOf(2)!;
  const at = Date.UTC(2026, 11, 1, 4, 30, 0, 123) + 0.456;
  const now = () => at;
  const stamp = '2026-12-01T04:30:00.123456Z';

  it.each(['live', 'schema-change'] as const)('%s: stamps every answer with the time it was served', (kind) => {
    const shape = createAnswerShape({ kind }, now);
    expect(shape.book(book).servedAt).toBe(stamp);
    expect(shape.reviews(reviews).servedAt).toBe(stamp);
  });

  it('reads the clock for each answer, so two answers differ in servedAt', () => {
    let ms = 0;
    const shape = createAnswerShape({ kind: 'live' }, () => (ms += 0.001));
    expect(shape.book(book).servedAt).not.toBe(shape.book(book).servedAt);
  });

  it('live: the catalogue data unchanged', () => {
    const shape = createAnswerShape({ kind: 'live' }, now);
    expect(shape.book(book)).toEqual({ ...book, servedAt: stamp });
    expect(shape.reviews(reviews)).toEqual({ ...reviews, servedAt: stamp });
  });

  it('schema-change: reviews carry stars instead of rating, and the year is a string', () => {
    const shape = createAnswerShape({ kind: 'schema-change' }, now);
    expect(shape.book(book)).toEqual({ ...book, year: '1813', servedAt: stamp });
    const answer = shape.reviews(reviews);
    expect(answer.averageRating).toBe(reviews.averageRating);
    expect(answer.reviews).toHaveLength(reviews.reviews.length);
    answer.reviews.forEach((review, i) => {
      const { rating, ...rest } = reviews.reviews[i]!;
      expect(review).toEqual({ ...rest, stars: rating });
      expect(review).not.toHaveProperty('rating');
    });
  });

  it('schema-change: leaves the catalogue itself untouched', () => {
    createAnswerShape({ kind: 'schema-change' }, now).reviews(reviews);
    expect(catalog.reviewsOf(2)!.reviews[0]).toHaveProperty('rating');
    expect(catalog.find(2)!.year).toBe(1813);
  });
});
