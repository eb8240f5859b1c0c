import { Controller, Get, Logger, Module } from '@nestjs/common';
import { REDACTED } from '@mirrormesh/access-log';
import { readFileSync } from 'node:fs';
import { request } from 'undici';
import { ProblemException, ServiceState, type CompletedRequest } from '../src';
import { startTestService, type RunningService } from './support/test-service';

class TeapotError extends ProblemException {
  constructor() {
    super(418, 'TEAPOT', 'I am a teapot');
  }
}

@Controller('things')
class ThingsController {
  @Get('ok/:id')
  ok() {
    return { ok: true };
  }

  @Get('crash')
  crash(): never {
    throw new Error('database password is hunter2');
  }

  @Get('teapot')
  teapot(): never {
    throw new TeapotError();
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('createServiceApp', () => {
  let running: RunningService;
  let url: string;
  const completed: CompletedRequest[] = [];

  beforeAll(async () => {
    running = await startTestService(ThingsModule, { versionTag: 'T1' }, [(r) => completed.push(r)]);
    url = running.url;
  });

  afterAll(async () => {
    await running.close();
  });

  it('answers an unexpected error with a bare 500 problem: no message, no stack', async () => {
    const res = await request(`${url}/things/crash`);
    const text = await res.body.text();
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(text)).toEqual({
      type: 'https://mirrormesh.dev/problems/internal-error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'The server failed to answer this request.',
      code: 'INTERNAL_ERROR',
      instance: '/things/crash',
    });
    expect(text).not.toContain('hunter2');
  });

  it('logs an unexpected error with secret query values redacted', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const res = await request(`${url}/things/crash?token=s3cr3t&x=1`);
      await res.body.dump();
      const text = logged.mock.calls.map((call) => String(call[0])).join('\n');
      expect(text).toContain(`GET /things/crash?token=${REDACTED}&x=1`);
      expect(text).not.toContain('s3cr3t');
    } finally {
      logged.mockRestore();
    }
  });

  it('answers a ProblemException with its own status and code', async () => {
    const res = await request(`${url}/things/teapot?x=1`);
    expect(res.statusCode).toBe(418);
    expect(await res.body.json()).toMatchObject({ code: 'TEAPOT', detail: 'I am a teapot', instance: '/things/teapot' });
  });

  it('tells listeners the route template, status and request id of each request', async () => {
    const res = await request(`${url}/things/ok/7`, { headers: { 'x-request-id': 'r-1' } });
    await res.body.dump();
    const seen = completed.find((c) => c.requestId === 'r-1');
    expect(seen).toMatchObject({ method: 'GET', route: '/things/ok/:id', url: '/things/ok/7', status: 200 });
    expect(seen!.durationMs).toBeGreaterThanOrEqual(0);
    const missing = await request(`${url}/no/such/thing`, { headers: { 'x-request-id': 'r-404' } });
    await missing.body.dump();
    expect(completed.find((c) => c.requestId === 'r-404')).toMatchObject({ route: undefined, url: '/no/such/thing', status: 404 });
  });

  it('does not tell listeners about health probes', async () => {
    const res = await request(`${url}/health/live`, { headers: { 'x-request-id': 'probe-1' } });
    await res.body.dump();
    expect(res.statusCode).toBe(200);
    expect(completed.find((c) => c.requestId === 'probe-1')).toBeUndefined();
  });

  it('writes an access-log line per request', async () => {
    const res = await request(`${url}/things/ok/8`, { headers: { 'x-request-id': 'r-log' } });
    await res.body.dump();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = readFileSync(running.accessLogPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.request_id === 'r-log')).toMatchObject({ url: '/things/ok/8', status: 200, version_tag: 'T1' });
  });

  it('once draining, reports not ready and closes each connection after its answer', async () => {
    running.service.app.get(ServiceState).markShuttingDown();
    const ready = await request(`${url}/health/ready`);
    expect(ready.statusCode).toBe(503);
    expect(ready.headers.connection).toBe('close');
    await ready.body.dump();
  });
});
