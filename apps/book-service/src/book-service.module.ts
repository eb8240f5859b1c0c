import { type DynamicModule, Module } from '@nestjs/common';
import { BookCatalog } from '@mirrormesh/catalog';
import { ANSWER_SHAPE, createAnswerShape } from './books/answer-shape';
import { BooksController } from './books/books.controller';
import { createReviewsVariant, REVIEWS_VARIANT } from './books/reviews-variant';
import { type BookServiceConfig } from './config/book-service.config';

@Module({})
export class BookServiceModule {
  static register(config: BookServiceConfig): DynamicModule {
    return {
      module: BookServiceModule,
      controllers: [BooksController],
      providers: [
        { provide: BookCatalog, useValue: new BookCatalog() },
        { provide: REVIEWS_VARIANT, useValue: createReviewsVariant(config.variant) },
        { provide: ANSWER_SHAPE, useValue: createAnswerShape(config.variant) },
      ],
    };
  }
}
