import { type ApiResponseSchemaHost } from '@nestjs/swagger';

type SchemaObject = ApiResponseSchemaHost['schema'];

/** OpenAPI shapes of the catalogue DTOs (the DTOs are plain interfaces shared with the SPA). */
export const BOOK_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['id', 'title', 'author', 'year', 'pages', 'language', 'publisher', 'isbn13', 'summary'],
  properties: {
    id: { type: 'integer', example: 2 },
    title: { type: 'string', example: 'Pride and Prejudice' },
    author: { type: 'string', example: 'Jane Austen' },
    year: { type: 'integer', example: 1813, description: 'Negative for years BCE' },
    pages: { type: 'integer', example: 432 },
    language: { type: 'string', example: 'English' },
    publisher: { type: 'string' },
    isbn13: { type: 'string' },
    summary: { type: 'string' },
  },
};

export const BOOK_REVIEWS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['bookId', 'reviews', 'averageRating'],
  properties: {
    bookId: { type: 'integer' },
    averageRating: { type: 'number', nullable: true, example: 4.3 },
    reviews: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'bookId', 'reviewer', 'rating', 'text'],
        properties: {
          id: { type: 'integer' },
          bookId: { type: 'integer' },
          reviewer: { type: 'string' },
          rating: { type: 'integer', minimum: 1, maximum: 5 },
          text: { type: 'string' },
        },
      },
    },
  },
};

export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details (application/problem+json)',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', example: 'BOOK_NOT_FOUND' },
    instance: { type: 'string' },
  },
};
