import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockerfileInstructions } from './support/dockerfile';
import { DOCKER_DIR } from '../src';

const dockerfile = readFileSync(join(DOCKER_DIR, 'Dockerfile'), 'utf8');
const instructions = dockerfileInstructions();
const stages = instructions.reduce<string[][]>((acc, line) => {
  if (line.startsWith('FROM ')) acc.push([line]);
  else acc.at(-1)?.push(line);
  return acc;
}, []);
const runtime = stages.find((s) => s[0]?.endsWith(' AS runtime')) ?? [];

describe('docker/Dockerfile', () => {
  it('builds on an official Node LTS image by default, pinned by tag', () => {
    expect(instructions[0]).toMatch(/^ARG NODE_IMAGE=node:(20|22|24)-bookworm-slim$/);
    const base = 'FROM ${NODE_IMAGE}${NODE_IMAGE_DIGEST:+@}${NODE_IMAGE_DIGEST}';
    expect(stages.map((s) => s[0])).toEqual([
      `${base} AS prune`,
      `${base} AS build`,
      'FROM build AS app',
      `${base} AS runtime`,
      'FROM runtime AS book-service',
      'FROM runtime AS bookinfo-spa',
      'FROM runtime AS collector',
      'FROM runtime AS sidecar',
      // The image APP names: one of the four above.
      'FROM ${APP}',
    ]);
  });

  it('prunes with turbo and installs from the pruned lockfile', () => {
    expect(instructions.join('\n')).toMatch(/RUN turbo prune .* --docker --out-dir \/out/);
    expect(stages[1]?.join('\n')).toMatch(/COPY --from=prune \/out\/json\/ \.\/\nRUN .*npm ci --no-audit --no-fund/);
  });

  it('runs the final stage as a non-root numeric user, in production mode, with a node health check', () => {
    expect(runtime.find((l) => l.startsWith('USER '))).toBe('USER 10001:10001');
    expect(runtime.find((l) => l.startsWith('ENV '))).toMatch(/NODE_ENV=production/);
    expect(runtime.find((l) => l.startsWith('HEALTHCHECK '))).toMatch(/CMD \["node", "\/usr\/local\/lib\/mirrormesh\/healthcheck\.js"\]$/);
    expect(runtime.find((l) => l.startsWith('CMD '))).toBe('CMD ["node", "dist/main.js"]');
  });

  it('copies only the production closure into the final stage, never the build stage or the sources', () => {
    const copies = runtime.filter((l) => l.startsWith('COPY '));
    expect(copies).toEqual([
      'COPY --from=app --chown=root:root /app /app',
      'COPY --chown=root:root docker/healthcheck.js /usr/local/lib/mirrormesh/healthcheck.js',
    ]);
    expect(stages[2]?.join('\n')).toMatch(/npm install --omit=dev/);
  });

  it('passes the CA bundle only as a build secret, and needs no curl or wget', () => {
    expect(dockerfile).not.toMatch(/\b(curl|wget)\b/);
    expect(dockerfile).not.toMatch(/^(COPY|ADD) .*\.crt/m);
    for (const line of instructions.filter((l) => / npm (ci|install)/.test(l))) expect(line).toMatch(/--mount=type=secret,id=ca_bundle/);
  });
});
