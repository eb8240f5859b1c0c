import { Body, Controller, Get, Module, Post, type Type } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServiceApp, type RequestListener, type ServiceApp, type ServiceOptions } from '../../src';

@Controller('things')
class ThingsController {
  @Get()
  list() {
    return [{ id: 1 }];
  }

  @Post()
  create(@Body() body: unknown) {
    return { received: body };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

export interface RunningService {
  readonly service: ServiceApp;
  readonly port: number;
  readonly url: string;
  /** The JSON access log of this service. */
  readonly accessLogPath: string;
  close(): Promise<void>;
}

/** A service built the way every app is, on 127.0.0.1:0, its access log in a fresh temp dir. */
export async function startTestService(
  appModule: Type,
  options: Partial<ServiceOptions> = {},
  listeners: readonly RequestListener[] = [],
): Promise<RunningService> {
  const dir = mkdtempSync(join(tmpdir(), 'service-kit-'));
  const accessLogPath = join(dir, 'access.log');
  const base = { name: 'things', port: 0, host: '127.0.0.1', logFormat: 'json', logLevel: 'fatal', shutdownTimeoutMs: 1000 } as const;
  const service = await createServiceApp(appModule, { ...base, accessLogDestination: accessLogPath, ...options }, listeners);
  await service.app.listen(0, '127.0.0.1');
  const port = (service.app.getHttpServer().address() as { port: number }).port;
  return {
    service,
    port,
    url: `http://127.0.0.1:${port}`,
    accessLogPath,
    close: async () => {
      await service.app.close();
      await service.accessLog.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A small service (GET and POST /things). */
export function startThings(options: Partial<ServiceOptions> = {}): Promise<RunningService> {
  return startTestService(ThingsModule, options);
}
