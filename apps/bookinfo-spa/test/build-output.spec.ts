import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadStaticFiles } from '../src/static/static-file-index';
import { BUILT_WEB_ROOT } from './support/spa-fixture';

/** The budget for the first page. */
const FIRST_PAGE_JS_BUDGET_BYTES = 200 * 1024;

/** The scripts the first page loads: the entry and what index.html preloads with it. */
function firstPageScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] as string);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string);
  return [...scripts, ...preloads];
}

describe('the web build (dist/public)', () => {
  const html = readFileSync(join(BUILT_WEB_ROOT, 'index.html'), 'utf8');

  it(`loads at most ${FIRST_PAGE_JS_BUDGET_BYTES / 1024} KB of JavaScript (gzip) on the first page`, () => {
    const scripts = firstPageScripts(html);
    expect(scripts.length).toBeGreaterThanOrEqual(1);
    let total = 0;
    for (const src of scripts) {
      expect(src).toMatch(/^\/assets\/[\w.-]+\.js$/);
      total += gzipSync(readFileSync(join(BUILT_WEB_ROOT, src))).length;
    }
    expect(total).toBeLessThanOrEqual(FIRST_PAGE_JS_BUDGET_BYTES);
  });

  it('has only hashed, precompressed assets and no inline script (the CSP forbids it)', () => {
    const assets = readdirSync(join(BUILT_WEB_ROOT, 'assets')).filter((name) => !name.endsWith('.br') && !name.endsWith('.gz'));
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const name of assets) {
      expect(name).toMatch(/-[A-Za-z0-9_-]{8,}\.(js|css)$/);
      expect(existsSync(join(BUILT_WEB_ROOT, 'assets', `${name}.br`))).toBe(true);
      expect(existsSync(join(BUILT_WEB_ROOT, 'assets', `${name}.gz`))).toBe(true);
    }
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('loads into the static index with br and gzip variants for the entry script', () => {
    const files = loadStaticFiles(BUILT_WEB_ROOT);
    const entry = files.get(firstPageScripts(html)[0] as string);
    expect(entry?.cacheControl).toBe('public, max-age=31536000, immutable');
    expect([...(entry?.encoded.keys() ?? [])].sort()).toEqual(['br', 'gzip']);
    expect(files.get('/index.html')?.cacheControl).toBe('no-cache');
  });
});
