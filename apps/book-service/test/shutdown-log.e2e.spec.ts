import { request } from 'undici';
import { spawnBookService } from './support/spawn-book-service';

// Regression: a service's log ended with "SIGTERM received: draining" and never said that
// draining and the telemetry flush finished; and log files were full of ANSI colour codes.
describe('book service shutdown log', () => {
  it('ends with a line saying what finished and the exit code', async () => {
    const svc = await spawnBookService({ BOOK_SERVICE_VARIANT: 'delay', REVIEWS_DELAY_MS: '600' });
    const inFlight = request(`${svc.url}/books/1/reviews`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    svc.child.kill('SIGTERM');
    expect((await inFlight).statusCode).toBe(200);
    expect(await svc.exited()).toEqual({ code: 0, signal: null });
    const lines = svc.output().trimEnd().split('\n');
    expect(lines.find((line) => line.includes('SIGTERM received'))).toMatch(/draining 1 in-flight request$/);
    expect(lines.at(-1)).toMatch(
      /Shutdown complete in \d+ ms: drained 1 in-flight request, flushed telemetry, closed the access log; exit code 0$/,
    );
  });

  it('writes no ANSI colour codes when its standard output is not a terminal', async () => {
    const svc = await spawnBookService({ LOG_FORMAT: 'common' });
    svc.child.kill('SIGTERM');
    await svc.exited();
    expect(svc.output()).toContain('listening on');
    // eslint-disable-next-line no-control-regex
    expect(svc.output()).not.toMatch(/\u001b\[/);
  });
});
