import { createServiceApp, type RequestListener, type ServiceApp } from '@mirrormesh/service-kit';
import { BookServiceModule } from './book-service.module';
import { type BookServiceConfig } from './config/book-service.config';

/** The book service as an app, ready to listen: main.ts and the e2e tests both start it here. */
export function createBookService(config: BookServiceConfig, listeners: readonly RequestListener[] = []): Promise<ServiceApp> {
  return createServiceApp(BookServiceModule.register(config), config.service, listeners);
}
