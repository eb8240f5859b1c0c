export { type Book, type Review, type BookReviews, type Problem } from './book.dto';
export {
  type Served,
  type ServedBook,
  type ServedBookReviews,
  type SchemaChangeBook,
  type SchemaChangeReview,
  type SchemaChangeBookReviews,
} from './served.dto';
export { BookCatalog } from './book-catalog';
export { BOOKS } from './books.data';
export { REVIEWS } from './reviews.data';
export { type RequestsSummaryRow } from './requests-summary.dto';
export { VERSION_TAG_DIMENSION, VERSION_TAG_RULES } from './version-tag';
