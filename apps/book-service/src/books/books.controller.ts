import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiInternalServerErrorResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { BookCatalog } from '@mirrormesh/catalog';
import { ANSWER_SHAPE, type AnswerShape } from './answer-shape';
import { BookIdPipe } from './book-id.pipe';
import { BookNotFoundError } from './errors';
import { BOOK_REVIEWS_SCHEMA, BOOK_SCHEMA, PROBLEM_SCHEMA } from './openapi-schemas';
import { REVIEWS_VARIANT, type ReviewsVariant } from './reviews-variant';

@ApiTags('books')
@Controller('books')
export class BooksController {
  constructor(
    private readonly catalog: BookCatalog,
    @Inject(REVIEWS_VARIANT) private readonly variant: ReviewsVariant,
    @Inject(ANSWER_SHAPE) private readonly shape: AnswerShape,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'The whole catalogue', schema: { type: 'array', items: BOOK_SCHEMA } })
  list(): ReturnType<AnswerShape['book']>[] {
    // Each item is stamped, not the list: the answer stays an array, as clients expect.
    return this.catalog.list().map((book) => this.shape.book(book));
  }

  @Get(':id')
  @ApiOkResponse({ schema: BOOK_SCHEMA })
  @ApiBadRequestResponse({ description: 'The id is not a positive integer', schema: PROBLEM_SCHEMA })
  @ApiNotFoundResponse({ description: 'No such book', schema: PROBLEM_SCHEMA })
  find(@Param('id', BookIdPipe) id: number): ReturnType<AnswerShape['book']> {
    const book = this.catalog.find(id);
    if (book === undefined) throw new BookNotFoundError(id);
    return this.shape.book(book);
  }

  @Get(':id/reviews')
  @ApiOkResponse({ schema: BOOK_REVIEWS_SCHEMA })
  @ApiBadRequestResponse({ description: 'The id is not a positive integer', schema: PROBLEM_SCHEMA })
  @ApiNotFoundResponse({ description: 'No such book', schema: PROBLEM_SCHEMA })
  @ApiInternalServerErrorResponse({ description: 'Fault variant: reviews of the configured books fail', schema: PROBLEM_SCHEMA })
  async reviews(@Param('id', BookIdPipe) id: number): Promise<ReturnType<AnswerShape['reviews']>> {
    await this.variant.beforeReviews(id);
    const reviews = this.catalog.reviewsOf(id);
    if (reviews === undefined) throw new BookNotFoundError(id);
    return this.shape.reviews(reviews);
  }
}
