// nginx as the reference proxy: a generated nginx.conf (1 worker, proxy_pass with upstream keep-alive,
// optionally the mirror directive), run in the foreground from its own temporary prefix, stopped by pid.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trackDir } from './cleanup.mjs';
import { freePort, startPinned, waitForHttp } from './child-process.mjs';

/** Idle upstream connections nginx keeps per worker (more than wrk's 32 client connections). */
const UPSTREAM_KEEPALIVE = 64;

/** The nginx.conf text; `mirrorPort` undefined = no mirror. */
export function nginxConf({ prefix, port, livePort, mirrorPort }) {
  const upstreamKeepAlive = ['proxy_http_version 1.1;', 'proxy_set_header Connection "";'];
  const lines = [
    'daemon off;',
    'master_process on;',
    'worker_processes 1;',
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/error.log warn;`,
    'events { worker_connections 4096; }',
    'http {',
    // The sidecar's access log goes to /dev/null too: both pay for formatting a line, neither for disk.
    '  access_log /dev/null combined;',
    `  client_body_temp_path ${prefix}/client_body;`,
    `  proxy_temp_path ${prefix}/proxy;`,
    `  fastcgi_temp_path ${prefix}/fastcgi;`,
    `  uwsgi_temp_path ${prefix}/uwsgi;`,
    `  scgi_temp_path ${prefix}/scgi;`,
    `  upstream live { server 127.0.0.1:${livePort}; keepalive ${UPSTREAM_KEEPALIVE}; }`,
    ...(mirrorPort ? [`  upstream mirror { server 127.0.0.1:${mirrorPort}; keepalive ${UPSTREAM_KEEPALIVE}; }`] : []),
    '  server {',
    `    listen 127.0.0.1:${port};`,
    '    location / {',
    ...(mirrorPort ? ['      mirror /__mirror;', '      mirror_request_body on;'] : []),
    ...upstreamKeepAlive.map((l) => `      ${l}`),
    '      proxy_pass http://live;',
    '    }',
    ...(mirrorPort
      ? [
          '    location = /__mirror {',
          '      internal;',
          ...upstreamKeepAlive.map((l) => `      ${l}`),
          '      proxy_pass http://mirror$request_uri;',
          '    }',
        ]
      : []),
    '  }',
    '}',
    '',
  ];
  return lines.join('\n');
}

/** Starts nginx on the proxy core; resolves with { url, pid, stop() } once it answers through to live. */
export async function startNginx(nginxPath, { livePort, mirrorPort }) {
  const prefix = trackDir(mkdtempSync(join(tmpdir(), 'mirrormesh-bench-nginx-')));
  // The worker runs as an unprivileged user and must reach its temp paths under the prefix.
  chmodSync(prefix, 0o755);
  mkdirSync(join(prefix, 'logs'));
  const port = await freePort();
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, nginxConf({ prefix, port, livePort, mirrorPort }));
  const watched = startPinned('proxy', 'nginx', nginxPath, ['-p', prefix, '-c', conf, '-e', join(prefix, 'error.log')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}/books/1`;
  await waitForHttp(url, watched, { name: 'nginx' });
  return { url, pid: watched.pid, stop: () => watched.stop() };
}
