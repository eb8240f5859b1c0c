import { rawRequest } from '@mirrormesh/testing';
import { startThings, type RunningService } from './support/test-service';

/**
 * Regression: the chaos corpus found every Nest app answering 200/404 to two Host fields, a
 * Host list and invalid Host values; RFC 9112 §3.2 requires 400.
 */
describe('duplicate or invalid Host is served instead of refused with 400', () => {
  let things: RunningService;

  beforeAll(async () => {
    things = await startThings();
  });
  afterAll(async () => {
    await things.close();
  });

  const send = (hostLines: string, path = '/things') =>
    rawRequest(things.port, `GET ${path} HTTP/1.1\r\n${hostLines}Connection: close\r\n\r\n`);

  const expectBadHost = (answer: string, detail: string) => {
    expect(answer).toMatch(/^HTTP\/1.1 400/);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(answer).toMatch(/x-request-id: /i);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 400, code: 'BAD_HOST', title: 'Bad Request', instance: '/things' });
    expect(body['detail']).toContain(detail);
  };

  it.each([
    ['two identical Host fields', 'Host: things.local\r\nHost: things.local\r\n'],
    ['two different Host fields', 'Host: things.local\r\nhost: evil.example\r\n'],
  ])('refuses %s with a 400 BAD_HOST problem', async (_name, lines) => {
    expectBadHost(await send(lines), 'at most one Host field');
  });

  it.each(['things.local, evil.example', 'a b', 'a@b', 'a/b', '[::1', 'a\\b', 'a:b:c', 'host:port', 'h\u00ffst'])(
    'refuses Host %j with a 400 BAD_HOST problem',
    async (value) => {
      expectBadHost(await send(`Host: ${value}\r\n`), 'Host must be host[:port]');
    },
  );

  it('refuses a bad Host before routing: an unknown path is a 400 too, not a 404', async () => {
    const answer = await send('Host: a b\r\n', '/nowhere?x=1');
    expect(answer).toMatch(/^HTTP\/1.1 400/);
    expect(answer).toContain('"instance":"/nowhere"');
  });

  it.each(['things.local', 'things.local:8080', '127.0.0.1', '[::1]:8080', ''])('still serves a valid Host %j', async (value) => {
    expect(await send(`Host: ${value}\r\n`)).toMatch(/^HTTP\/1.1 200/);
  });

  it('still serves an HTTP/1.0 request without Host', async () => {
    expect(await rawRequest(things.port, 'GET /things HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1.1 200/);
  });
});
