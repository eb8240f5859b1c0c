import { request } from 'undici';
import { MeshError } from '../errors';
import { parseDiffReport, type DiffReport } from '../diff/diff-report';

/** Where the front end serves its in-process sidecar's GET /diff (the standalone sidecar: admin /diff). */
export const FRONT_END_DIFF_PATH = '/_mesh/diff';

export const DIFF_READ_DEFAULTS = {
  /** A comparison completes once the mirror and the noise instance answered: within the mirror's timeout. */
  settleTimeoutMs: 15_000,
  pollIntervalMs: 250,
  requestTimeoutMs: 5_000,
} as const;

/** One read of the report; a clear error when the front end does not serve one. */
export async function readDiff(frontEndUrl: string): Promise<DiffReport> {
  const url = `${frontEndUrl}${FRONT_END_DIFF_PATH}`;
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
export async function readSettledDiff(frontEndUrl: string, requests: number): Promise<DiffReport> {
  const deadline = Date.now() + DIFF_READ_DEFAULTS.settleTimeoutMs;
  for (;;) {
    const report = await readDiff(frontEndUrl);
    const accounted = [...report.routes, ...report.dropped].reduce((sum, r) => sum + ('compared' in r ? r.compared : r.count), 0);
    if ((accounted >= requests && report.pending.count === 0) || Date.now() > deadline) return report;
    await new Promise((resolve) => setTimeout(resolve, DIFF_READ_DEFAULTS.pollIntervalMs));
  }
}
