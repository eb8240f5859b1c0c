import { request } from 'undici';
import { MeshError } from '../errors';
import { parseDiffReport, type DiffReport } from '../diff/diff-report';

/** The sidecar admin API's report: the front end's in-process sidecar serves it on its admin listener, as the standalone sidecar does. */
export const ADMIN_DIFF_PATH = '/diff';

export const DIFF_READ_DEFAULTS = {
  /** A comparison completes once the mirror and the noise instance answered: within the mirror's timeout. */
  settleTimeoutMs: 15_000,
  pollIntervalMs: 250,
  requestTimeoutMs: 5_000,
} as const;

/** One read of the report from a sidecar admin API; a clear error when it does not serve one. */
export async function readDiff(adminUrl: string): Promise<DiffReport> {
  const url = `${adminUrl}${ADMIN_DIFF_PATH}`;
  const response = await request(url, {
    headersTimeout: DIFF_READ_DEFAULTS.requestTimeoutMs,
    bodyTimeout: DIFF_READ_DEFAULTS.requestTimeoutMs,
  });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new MeshError(`GET ${url} answered ${response.statusCode}: ${text.slice(0, 200)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new MeshError(`GET ${url} did not answer JSON: ${text.slice(0, 200)}`);
  }
  const report = parseDiffReport(body);
  if (report === undefined) throw new MeshError(`GET ${url} answered without the report's routes`);
  return report;
}

/**
 * Reads the report until every request is compared or dropped, or the wait ends (then the
 * last report, which the verdict judges as incomplete).
 */
export async function readSettledDiff(adminUrl: string, requests: number): Promise<DiffReport> {
  const deadline = Date.now() + DIFF_READ_DEFAULTS.settleTimeoutMs;
  for (;;) {
    const report = await readDiff(adminUrl);
    const accounted = [...report.routes, ...report.dropped].reduce((sum, r) => sum + ('compared' in r ? r.compared : r.count), 0);
    if ((accounted >= requests && report.pending.count === 0) || Date.now() > deadline) return report;
    await new Promise((resolve) => setTimeout(resolve, DIFF_READ_DEFAULTS.pollIntervalMs));
  }
}
