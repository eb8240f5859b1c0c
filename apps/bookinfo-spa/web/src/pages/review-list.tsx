import type { BookReviews } from '@mirrormesh/catalog';

function Stars({ rating }: { readonly rating: number }) {
  return (
    <span className="stars" role="img" aria-label={`${rating} out of 5 stars`}>
      {'★'.repeat(rating)}
      <span className="stars-off">{'★'.repeat(5 - rating)}</span>
    </span>
  );
}

export function ReviewList({ reviews }: { readonly reviews: BookReviews }) {
  if (reviews.reviews.length === 0) return <p className="muted">No reviews yet.</p>;
  return (
    <>
      {reviews.averageRating !== null && (
        <p className="average">
          Average rating <strong>{reviews.averageRating.toFixed(1)}</strong> of 5 from {reviews.reviews.length}{' '}
          {reviews.reviews.length === 1 ? 'review' : 'reviews'}
        </p>
      )}
      <ul className="review-list" data-testid="reviews">
        {reviews.reviews.map((review) => (
          <li key={review.id}>
            <blockquote>
              <p>{review.text}</p>
            </blockquote>
            <p className="reviewer">
              <Stars rating={review.rating} /> — {review.reviewer}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
