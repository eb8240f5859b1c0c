import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DOCKER_DIR } from '../src';
import { closedPort, startServer, type TestServer } from './support/http-server';

const SCRIPT = join(DOCKER_DIR, 'healthcheck.js');

function healthcheck(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT], { env: { PATH: process.env['PATH'], ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe("docker/healthcheck.js (the images' HEALTHCHECK)", () => {
  let server: TestServer;
  const seen: string[] = [];
  beforeAll(async () => {
    server = await startServer((req, res) => {
      seen.push(req.url ?? '');
      res.statusCode = req.url === '/health/ready' ? 200 : 503;
      res.end('{}');
    });
  });
  afterAll(() => server.close());

  it('passes when HEALTHCHECK_URL answers 2xx', async () => {
    expect(await healthcheck({ HEALTHCHECK_URL: `${server.url}/health/ready` })).toEqual({ code: 0, stderr: '' });
  });

  it('asks /health/ready on PORT when no URL is given', async () => {
    seen.length = 0;
    expect((await healthcheck({ PORT: new URL(server.url).port })).code).toBe(0);
    expect(seen).toEqual(['/health/ready']);
  });

  it('fails, saying why, when the service answers non-2xx', async () => {
    const result = await healthcheck({ HEALTHCHECK_URL: `${server.url}/health/starting` });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`healthcheck: ${server.url}/health/starting answered 503\n`);
  });

  it('fails when nothing listens', async () => {
    const port = await closedPort();
    const result = await healthcheck({ HEALTHCHECK_URL: `http://127.0.0.1:${port}/health/ready` });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ECONNREFUSED/);
  });
});
