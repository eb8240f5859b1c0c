import { request } from 'undici';
import { runBookServiceToExit, spawnBookService } from './support/spawn-book-service';

describe('book service process', () => {
  it('refuses bad configuration with exit code 2, naming each variable and its rule', async () => {
    const { code, output } = await runBookServiceToExit({
      PORT: 'eighty',
      BOOK_SERVICE_VARIANT: 'slow',
      FAULT_BOOK_IDS: '2,x',
      REVIEWS_DELAY_MS: '-5',
    });
    expect(code).toBe(2);
    expect(output).toContain('book-service: invalid configuration:');
    expect(output).toContain('PORT must be an integer between 0 and 65535');
    expect(output).toContain('BOOK_SERVICE_VARIANT must be one of "live", "delay", "fault", "schema-change"');
    expect(output).toContain('FAULT_BOOK_IDS[1] must be an integer between 1 and 2147483647');
    expect(output).toContain('REVIEWS_DELAY_MS must be an integer between 0 and 600000');
    expect(output).not.toContain('    at ');
  });

  it('says clearly that its port is busy', async () => {
    const first = await spawnBookService({});
    try {
      const port = new URL(first.url).port;
      const { code, output } = await runBookServiceToExit({ PORT: port });
      expect(code).toBe(1);
      expect(output).toContain(`cannot listen on 127.0.0.1:${port}: the port is already in use`);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited();
    }
  });

  it('on SIGTERM finishes the in-flight request, then exits 0', async () => {
    const svc = await spawnBookService({ BOOK_SERVICE_VARIANT: 'delay', REVIEWS_DELAY_MS: '600' });
    const inFlight = request(`${svc.url}/books/1/reviews`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    svc.child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.statusCode).toBe(200);
    expect(await response.body.json()).toMatchObject({ bookId: 1 });
    expect(await svc.exited()).toEqual({ code: 0, signal: null });
    expect(svc.output()).toContain('"GET /books/1/reviews HTTP/1.1" 200');
  });
});
