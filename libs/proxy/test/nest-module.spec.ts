import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type AddressInfo } from 'node:net';
import { ProxyModule, ProxyService } from '../src/nest';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { liveAndMirror } from './support/proxy-server';

@Controller('own')
class OwnController {
  @Get()
  own() {
    return { own: true };
  }
}

describe('ProxyModule mounted under /api in a Nest app on fastify', () => {
  const client = createClient();
  let live: Upstream;
  let mirror: Upstream;
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    [live, mirror] = await Promise.all([startUpstream('live'), startUpstream('mirror')]);
    @Module({
      imports: [
        ProxyModule.registerAsync({
          useFactory: () => ({ config: liveAndMirror(live.endpoint, mirror.endpoint), prefix: '/api', closeGraceMs: 500 }),
        }),
      ],
      controllers: [OwnController],
    })
    class AppModule {}
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.enableShutdownHooks();
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    live.received.length = 0;
    mirror.received.length = 0;
  });
  afterAll(async () => {
    await client.close();
    await app.close();
    await Promise.all([live.close(), mirror.close()]);
  });

  it('forwards /api/* with the prefix stripped, and mirrors it', async () => {
    const reply = await client.send(`${base}/api/books/2?x=1`);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ upstream: 'live', url: '/books/2?x=1' });
    await eventually(() => mirror.received.length === 1);
    expect(mirror.received[0]?.url).toBe('/books/2?x=1');
  });

  it('streams a JSON body untouched by fastify’s body parsers', async () => {
    const body = JSON.stringify({ rating: 4 });
    const reply = await client.send(`${base}/api/reviews`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(reply.status).toBe(200);
    expect(live.received[0]?.body.toString()).toBe(body);
    await eventually(() => mirror.received.length === 1);
    expect(mirror.received[0]?.body.toString()).toBe(body);
  });

  it('forwards a body without content-type and the bare prefix', async () => {
    expect((await client.send(`${base}/api`, { method: 'PUT', body: 'raw' })).status).toBe(200);
    expect(live.received[0]).toMatchObject({ url: '/', method: 'PUT' });
    expect(live.received[0]?.body.toString()).toBe('raw');
  });

  it('forwards every method, HEAD and OPTIONS included', async () => {
    for (const method of ['HEAD', 'OPTIONS', 'PATCH', 'DELETE']) {
      expect((await client.send(`${base}/api/m`, { method })).status).toBe(200);
    }
    expect(live.received.map((r) => r.method)).toEqual(['HEAD', 'OPTIONS', 'PATCH', 'DELETE']);
  });

  it('leaves the app’s own routes alone', async () => {
    expect(JSON.parse((await client.send(`${base}/own`)).text)).toEqual({ own: true });
    expect(live.received).toHaveLength(0);
  });

  it('exposes the core through ProxyService', () => {
    const service = app.get(ProxyService);
    expect(service.proxy.config.routes[0]?.name).toBe('all');
    expect(service.stats().liveInflight).toBe(0);
  });
});
