import { type ApiResponseSchemaHost } from '@nestjs/swagger';

type SchemaObject = ApiResponseSchemaHost['schema'];

/** Every answer's stamp: it differs on every call, so a shadow diff must learn it is noise. */
const SERVED_AT_SCHEMA = {
  type: 'string',
  format: 'date-time',
  description: 'When this answer was served, to the microsecond',
  example: '2026-12-01T04:30:00.123456Z',
};

/**
 * OpenAPI shapes of the catalogue DTOs (the DTOs are plain interfaces shared with the SPA). The
 * schema-change variant's differences are described as alternatives: `year` a string, reviews
 * with `stars` instead of `rating`.
 */
export const BOOK_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['id', 'title', 'author', 'year', 'pages', 'language', 'publisher', 'isbn13', 'summary', 'servedAt'],
  properties: {
    id: { type: 'integer', example: 2 },
    title: { type: 'string', example: 'Pride and Prejudice' },
    author: { type: 'string', example: 'Jane Austen' },
    year: {
      oneOf: [{ type: 'integer' }, { type: 'string', pattern: '^-?\\d+$' }],
      example: 1813,
      description: 'Negative for years BCE; a string in the schema-change variant',
    },
    pages: { type: 'integer', example: 432 },
    language: { type: 'string', example: 'English' },
    publisher: { type: 'string' },
    isbn13: { type: 'string' },
    summary: { type: 'string' },
    servedAt: SERVED_AT_SCHEMA,
  },
};

const REVIEW_PROPERTIES = {
  id: { type: 'integer' },
  bookId: { type: 'integer' },
  reviewer: { type: 'string' },
  text: { type: 'string' },
};

export const BOOK_REVIEWS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['bookId', 'reviews', 'averageRating', 'servedAt'],
  properties: {
    bookId: { type: 'integer' },
    averageRating: { type: 'number', nullable: true, example: 4.3 },
    reviews: {
      type: 'array',
      items: {
        oneOf: [
          {
            type: 'object',
            required: ['id', 'bookId', 'reviewer', 'rating', 'text'],
            properties: { ...REVIEW_PROPERTIES, rating: { type: 'integer', minimum: 1, maximum: 5 } },
          },
          {
            type: 'object',
            description: 'schema-change variant',
            required: ['id', 'bookId', 'reviewer', 'stars', 'text'],
            properties: { ...REVIEW_PROPERTIES, stars: { type: 'integer', minimum: 1, maximum: 5 } },
          },
        ],
      },
    },
    servedAt: SERVED_AT_SCHEMA,
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
