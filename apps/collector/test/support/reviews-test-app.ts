import { Controller, Get, Module, Param } from '@nestjs/common';
import { createServiceApp, ProblemException, type ServiceApp } from '@mirrormesh/service-kit';
import { telemetryRequestListener, type Telemetry } from '@mirrormesh/telemetry';

/** Book ids this app answers 500 for, to get a second result code. */
export const FAILING_BOOK_ID = '4';

@Controller('books')
class ReviewsController {
  @Get(':id/reviews')
  reviews(@Param('id') id: string): { bookId: string; reviews: string[] } {
    if (id === FAILING_BOOK_ID) throw new ProblemException(500, 'REVIEWS_FAILED', 'reviews are failing on purpose');
    return { bookId: id, reviews: ['fine'] };
  }
}

@Module({ controllers: [ReviewsController] })
class ReviewsModule {}

/** A small Nest-on-fastify service built like the book service, reporting through `telemetry`. */
export async function startReviewsApp(telemetry: Telemetry, versionTag: string): Promise<{ service: ServiceApp; url: string }> {
  const service = await createServiceApp(
    ReviewsModule,
    {
      name: 'reviews-test',
      versionTag,
      port: 0,
      host: '127.0.0.1',
      logFormat: 'common',
      logLevel: 'error',
      shutdownTimeoutMs: 5_000,
      accessLogDestination: '/dev/null',
    },
    [telemetryRequestListener(telemetry)],
  );
  await service.app.listen(0, '127.0.0.1');
  const address = service.app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { service, url: `http://127.0.0.1:${port}` };
}
