import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DOCKER_DIR } from '../src';
import { startServer, type TestServer } from './support/http-server';

const SCRIPT = join(DOCKER_DIR, 'poller', 'poll.mjs');

function poll(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT], { env: { PATH: process.env['PATH'], ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('docker/poller/poll.mjs', () => {
  let spa: TestServer;
  const paths: string[] = [];
  beforeAll(async () => {
    spa = await startServer((req, res) => {
      paths.push(req.url ?? '');
      res.statusCode = req.url === '/api/books/2/reviews' ? 500 : 200;
      res.end('[]');
    });
  });
  afterAll(() => spa.close());
  beforeEach(() => (paths.length = 0));

  it('browses like a user: the list, a book and its reviews per view, through /api', async () => {
    const result = await poll({ TARGET_URL: spa.url, POLL_VIEWS: '2', POLL_RATE: '50', POLL_BOOKS: '1,3' });
    expect(result.code).toBe(0);
    expect(paths.filter((p) => p !== '/health/ready').sort()).toEqual([
      '/api/books',
      '/api/books',
      '/api/books/1',
      '/api/books/1/reviews',
      '/api/books/3',
      '/api/books/3/reviews',
    ]);
    expect(result.stdout).toMatch(/poller: 6 requests, 0 errors \(200:6\); p50 [\d.]+ ms/);
  });

  it('counts non-2xx answers as errors and exits 1', async () => {
    const result = await poll({ TARGET_URL: spa.url, POLL_VIEWS: '1', POLL_BOOKS: '2' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/poller: 3 requests, 1 errors \((200:2 500:1|500:1 200:2)\)/);
  });

  it('rejects a bad setting with exit code 2 and the rule', async () => {
    const result = await poll({ TARGET_URL: spa.url, POLL_RATE: 'fast' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('poller: POLL_RATE must be an integer between 1 and 200, got "fast"\n');
  });
});
