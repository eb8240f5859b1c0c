import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiInternalServerErrorResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Book, BookCatalog, type BookReviews } from '@mirrormesh/catalog';
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
  ) {}

  @Get()
  @ApiOkResponse({ description: 'The whole catalogue', schema: { type: 'array', items: BOOK_SCHEMA } })
  list(): readonly Book[] {
    return this.catalog.list();
  }

  @Get(':id')
  @ApiOkResponse({ schema: BOOK_SCHEMA })
  @ApiBadRequestResponse({ description: 'The id is not a positive integer', schema: PROBLEM_SCHEMA })
  @ApiNotFoundResponse({ description: 'No such book', schema: PROBLEM_SCHEMA })
  find(@Param('id', BookIdPipe) id: number): Book {
    const book = this.catalog.find(id);
    if (book === undefined) throw new BookNotFoundError(id);
    return book;
  }

  @Get(':id/reviews')
  @ApiOkResponse({ schema: BOOK_REVIEWS_SCHEMA })
  @ApiBadRequestResponse({ description: 'The id is not a positive integer', schema: PROBLEM_SCHEMA })
  @ApiNotFoundResponse({ description: 'No such book', schema: PROBLEM_SCHEMA })
  @ApiInternalServerErrorResponse({ description: 'Fault variant: reviews of the configured books fail', schema: PROBLEM_SCHEMA })
  async reviews(@Param('id', BookIdPipe) id: number): Promise<BookReviews> {
    await this.variant.beforeReviews(id);
    const reviews = this.catalog.reviewsOf(id);
    if (reviews === undefined) throw new BookNotFoundError(id);
    return reviews;
  }
}
