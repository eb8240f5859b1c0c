import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startUpstream, type Upstream } from '@mirrormesh/testing';
import { APP_ENTRIES, REPO_ROOT } from '../app-entries';
import { startNodeReady, type Child } from '../processes/child-process';
import { INTERNAL_BLOCKED_STATUS, INTERNAL_PREFIX } from './cases/named-cases';
import { type TargetName } from './hostile-case';
import { type RawEndpoint } from './raw-exchange';

/** What reaching an upstream looks like in its log: the markers of smuggled and bypassing requests. */
export const UPSTREAM_MARKERS = /SMUGGLED-[\w-]+|bypass-[\w-]+/g;

export interface HostileEndpoint {
  readonly target: TargetName;
  readonly raw: RawEndpoint;
  readonly authority: string;
  /** The process behind it (the collector's two listeners share one). */
  readonly process: Child;
  readonly healthUrl: string;
}

export interface HostileTargets {
  readonly endpoints: Readonly<Record<TargetName, HostileEndpoint>>;
  readonly processes: readonly Child[];
  /** The recording upstream every proxy mirrors to: what a smuggled copy would reach. */
  readonly recorder: Upstream;
  /** Markers that reached the book service or the collector (their access logs) or the mirror recorder. */
  upstreamSaw(): Set<string>;
  stop(): Promise<void>;
}

/**
 * Starts the four servers from their built dist as real processes on 127.0.0.1: a book service,
 * a sidecar in front of it (a blocked `/internal` route, everything else live to the book service
 * and mirrored to a recorder), the collector, and the SPA whose /api goes to the same book service.
 * Whatever started is stopped, by pid, if a later start fails.
 */
export async function startHostileTargets(): Promise<HostileTargets> {
  const dir = await mkdtemp(join(tmpdir(), 'chaos-hostile-'));
  const started: Child[] = [];
  const recorder = await startUpstream('recorder');
  const stop = async () => {
    await Promise.all(started.map((p) => p.stop()));
    await recorder.close();
    await rm(dir, { recursive: true, force: true });
  };
  const track = async (name: string, entry: string, options: Parameters<typeof startNodeReady>[3], args: readonly string[] = []) => {
    const result = await startNodeReady(name, entry, args, options);
    started.push(result.child);
    return result;
  };
  try {
    const book = await track('book-service', APP_ENTRIES.bookService, {
      env: { HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'common' },
      ready: /listening on http:\/\/([\d.]+:\d+)/,
      watch: UPSTREAM_MARKERS,
    });
    const bookAuthority = book.ready[1] ?? '';
    const sidecarConfig = join(dir, 'sidecar.json');
    await writeFile(sidecarConfig, JSON.stringify(sidecarCorpusConfig(bookAuthority, recorder.endpoint)));
    const spaConfig = join(dir, 'spa-sidecar.json');
    const { listener: _l, admin: _a, ...spaProxy } = sidecarCorpusConfig(bookAuthority, recorder.endpoint);
    await writeFile(spaConfig, JSON.stringify(spaProxy));
    const [sidecar, collector, spa] = await Promise.all([
      track(
        'sidecar',
        APP_ENTRIES.sidecar,
        {
          env: { WATCH_CONFIG: 'false', ACCESS_LOG: 'false' },
          ready: /"msg":"listening".*"listener":"([\d.]+:\d+)".*"admin":"([\d.]+:\d+)"/,
        },
        ['--config', sidecarConfig],
      ),
      track('collector', APP_ENTRIES.collector, {
        env: { HOST: '127.0.0.1', PORT: '0', QUERY_PORT: '0', DATA_DIR: join(dir, 'collector'), LOG_FORMAT: 'common' },
        watch: UPSTREAM_MARKERS,
        ready: /track API on https:\/\/([\d.]+:\d+)\/v2\.1\/track \(TLS\); query and health on http:\/\/([\d.]+:\d+)/,
      }),
      track('bookinfo-spa', APP_ENTRIES.bookinfoSpa, {
        env: {
          HOST: '127.0.0.1',
          PORT: '0',
          SIDECAR_CONFIG: spaConfig,
          WATCH_CONFIG: 'false',
          WEB_ROOT: join(REPO_ROOT, 'apps', 'bookinfo-spa', 'dist', 'public'),
          LOG_FORMAT: 'common',
        },
        ready: /listening on http:\/\/([\d.]+:\d+)/,
      }),
    ]);
    const ca = readFileSync(join(dir, 'collector', 'tls', 'collector-cert.pem'));
    const endpoint = (target: TargetName, authority: string, process: Child, healthUrl: string, tlsCa?: Buffer): HostileEndpoint => {
      const [host = '127.0.0.1', port = '0'] = authority.split(':');
      return { target, authority, process, healthUrl, raw: { host, port: Number(port), ...(tlsCa === undefined ? {} : { ca: tlsCa }) } };
    };
    const collectorQuery = collector.ready[2] ?? '';
    const endpoints: Record<TargetName, HostileEndpoint> = {
      sidecar: endpoint('sidecar', sidecar.ready[1] ?? '', sidecar.child, `http://${sidecar.ready[2] ?? ''}/health/live`),
      bookService: endpoint('bookService', bookAuthority, book.child, `http://${bookAuthority}/health/live`),
      collectorTrack: endpoint('collectorTrack', collector.ready[1] ?? '', collector.child, `http://${collectorQuery}/health/live`, ca),
      collectorQuery: endpoint('collectorQuery', collectorQuery, collector.child, `http://${collectorQuery}/health/live`),
      bookinfoSpa: endpoint('bookinfoSpa', spa.ready[1] ?? '', spa.child, `http://${spa.ready[1] ?? ''}/health/live`),
    };
    return {
      endpoints,
      processes: started,
      recorder,
      upstreamSaw: () => {
        // The collector's own access log too: a smuggled request it served is logged there.
        const saw = new Set([...book.child.seen(), ...collector.child.seen()]);
        for (const request of recorder.received) for (const match of request.url.matchAll(UPSTREAM_MARKERS)) saw.add(match[0]);
        return saw;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The sidecar's config for the corpus: `/internal` blocked by an abort, the rest live and mirrored. */
export function sidecarCorpusConfig(book: string, recorder: string) {
  const live = [{ destination: { cluster: 'bookservice' }, weight: 100 }];
  return {
    listener: { host: '127.0.0.1', port: 0 },
    admin: { host: '127.0.0.1', port: 0 },
    clusters: [
      { name: 'bookservice', endpoints: [book] },
      { name: 'recorder', endpoints: [recorder] },
    ],
    routes: [
      {
        name: 'internal',
        match: [{ uri: { prefix: INTERNAL_PREFIX } }],
        route: live,
        fault: { abort: { percentage: { value: 100 }, httpStatus: INTERNAL_BLOCKED_STATUS } },
      },
      {
        name: 'books',
        match: [{ uri: { prefix: '/' } }],
        route: live,
        mirror: { cluster: 'recorder' },
        mirrorPercentage: { value: 100 },
        timeout: '5s',
      },
    ],
  };
}
