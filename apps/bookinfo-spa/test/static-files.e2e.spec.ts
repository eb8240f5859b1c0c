import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { get } from './support/http';
import { startRecordingUpstream, type RecordingUpstream } from './support/recording-upstream';
import { startSpa, type RunningSpa } from './support/spa-fixture';

const SHELL = '<!doctype html><html><head><title>shell</title></head><body><div id="root"></div></body></html>'.padEnd(600, ' ');
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});`;

describe('static files of the web build', () => {
  const root = mkdtempSync(join(tmpdir(), 'spa-web-'));
  let upstream: RecordingUpstream;
  let spa: RunningSpa;

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), SHELL);
    writeFileSync(join(root, 'index.html.gz'), gzipSync(SHELL));
    writeFileSync(join(root, 'assets', 'index-AbCd1234.js'), SCRIPT);
    writeFileSync(join(root, 'assets', 'index-AbCd1234.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(root, 'assets', 'index-AbCd1234.js.gz'), gzipSync(SCRIPT));
    writeFileSync(join(root, 'assets', 'style-Zz9_-8Yy.css'), 'body{color:red}');
    writeFileSync(join(root, 'robots.txt'), 'User-agent: *\n');
    upstream = await startRecordingUpstream();
    spa = await startSpa({ live: upstream.endpoint, env: { WEB_ROOT: root } });
  });
  afterAll(async () => {
    await spa?.close();
    await upstream?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves brotli when accepted, gzip otherwise, identity when neither', async () => {
    const br = await get(`${spa.url}/assets/index-AbCd1234.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    const gz = await get(`${spa.url}/assets/index-AbCd1234.js`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);
    const plain = await get(`${spa.url}/assets/index-AbCd1234.js`, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text()).toBe(SCRIPT);
    for (const answer of [br, gz, plain]) expect(answer.headers['vary']).toBe('Accept-Encoding');
    expect(new Set([br.headers['etag'], gz.headers['etag'], plain.headers['etag']]).size).toBe(3);
  });

  it('marks hashed assets immutable and the shell no-cache, with content types', async () => {
    const js = await get(`${spa.url}/assets/index-AbCd1234.js`);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    const css = await get(`${spa.url}/assets/style-Zz9_-8Yy.css`);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toContain('immutable');
    const shell = await get(`${spa.url}/`, { accept: 'text/html' });
    expect(shell.headers['cache-control']).toBe('no-cache');
    expect(shell.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(shell.headers['content-security-policy']).toContain("script-src 'self'");
    const robots = await get(`${spa.url}/robots.txt`);
    expect(robots.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(robots.headers['cache-control']).toBe('no-cache');
  });

  it('answers 304 to a matching If-None-Match, per representation', async () => {
    const first = await get(`${spa.url}/assets/index-AbCd1234.js`, { 'accept-encoding': 'br' });
    const etag = String(first.headers['etag']);
    const again = await get(`${spa.url}/assets/index-AbCd1234.js`, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['etag']).toBe(etag);
    const otherEncoding = await get(`${spa.url}/assets/index-AbCd1234.js`, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(otherEncoding.status).toBe(200);
  });

  it('falls back to the shell for unknown paths that accept HTML, and to a 404 problem otherwise', async () => {
    const page = await get(`${spa.url}/books/3`, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(page.status).toBe(200);
    expect(page.text()).toBe(SHELL);
    expect(page.headers['vary']).toBe('Accept-Encoding, Accept');
    const missingScript = await get(`${spa.url}/assets/missing-12345678.js`, { accept: '*/*' });
    expect(missingScript.status).toBe(404);
    expect(missingScript.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missingScript.json<{ code: string }>().code).toBe('NOT_FOUND');
  });

  it('never answers /api paths with the shell', async () => {
    const api = await get(`${spa.url}/api/unknown`, { accept: 'text/html' });
    expect(api.status).toBe(404);
    expect(api.json<{ code: string }>().code).toBe('NO_ROUTE');
  });

  it('answers HEAD with the headers and no body', async () => {
    const head = await get(`${spa.url}/assets/index-AbCd1234.js`, { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.body.length).toBe(0);
  });

  it.each([
    ['/assets/%2e%2e/%2e%2e/package.json', 'must not contain'],
    ['/%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'must not contain'],
    ['/assets/..%5c..%5cpackage.json', 'must not contain'],
    ['/a%00b', 'must not contain NUL'],
    ['/assets/../../package.json', 'must not contain'],
  ])('refuses the traversal attempt %s', async (path, why) => {
    const answer = await rawGet(spa.url, path);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual(expect.objectContaining({ code: 'PATH_REFUSED', detail: expect.stringContaining(why) }));
  });

  it('refuses an undecodable path before routing (fastify answers 400 itself)', async () => {
    const answer = await rawGet(spa.url, '/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.body).not.toContain('<html');
  });
});

/** A GET whose request target is sent exactly as written (URL parsers would normalize "..", "%2e%2e"). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, headers: { accept: 'text/html', connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
