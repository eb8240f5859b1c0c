import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServiceApp, type ServiceApp, type ServiceOptions } from '../../src';

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

export interface RunningThings {
  readonly service: ServiceApp;
  readonly port: number;
  close(): Promise<void>;
}

/** A small service (GET and POST /things) on 127.0.0.1:0, built the way every app is. */
export async function startThings(options: Partial<ServiceOptions> = {}): Promise<RunningThings> {
  const dir = mkdtempSync(join(tmpdir(), 'service-kit-things-'));
  const service = await createServiceApp(ThingsModule, {
    name: 'things',
    port: 0,
    host: '127.0.0.1',
    logFormat: 'json',
    logLevel: 'fatal',
    shutdownTimeoutMs: 1000,
    accessLogDestination: join(dir, 'access.log'),
    ...options,
  });
  await service.app.listen(0, '127.0.0.1');
  const port = (service.app.getHttpServer().address() as { port: number }).port;
  return {
    service,
    port,
    close: async () => {
      await service.app.close();
      await service.accessLog.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
