import { parseArgs } from 'node:util';
import { AdminApiError, UsageError } from '../errors';
import { createAdminClient } from '../canary/admin-client';
import { adminUrlOf } from '../canary/admin-url';
import { parseDiffReport } from '../diff/diff-report';
import { formatDiffTable } from '../diff/diff-table';
import { readMeshState } from '../mesh/mesh-state';
import { withUsageErrors } from './command-line';
import { type CommandContext } from './command-context';

export const DIFF_USAGE = `mirrormesh diff [--admin URL] [--route NAME] [--json]

Prints what the sidecar's shadow comparison found (its GET /diff): per route and mirror, the
pairs compared and the top differing paths with their rate, noise flag and an example.
  --admin   the sidecar's admin API (default: the running mesh's); ADMIN_TOKEN is sent as a bearer token
  --route   only this route
  --json    print GET /diff's answer (filtered by --route) as JSON

Exit code: 0 with the report, 1 when the admin API cannot answer or compare is not enabled, 2 for a wrong option.`;

export async function diffCommand(argv: readonly string[], ctx: CommandContext): Promise<number> {
  const { values } = withUsageErrors('diff', () =>
    parseArgs({
      args: [...argv],
      strict: true,
      options: { admin: { type: 'string' }, route: { type: 'string' }, json: { type: 'boolean' } },
    }),
  );
  const url = values.admin ?? adminUrlOf(readMeshState(ctx.stateDir));
  if (url === undefined) throw new UsageError('mirrormesh diff: give --admin, the sidecar admin API (no running mesh publishes one)');
  if (!/^https?:\/\/[^/]+\/?$/.test(url))
    throw new UsageError(
      `mirrormesh diff: --admin must be an http(s) origin such as http://127.0.0.1:15000 (got ${JSON.stringify(url.slice(0, 100))})`,
    );
  const admin = createAdminClient(url.replace(/\/$/, ''), process.env.ADMIN_TOKEN);
  let body: unknown;
  try {
    body = await admin.diff();
  } finally {
    await admin.close();
  }
  const report = body === undefined ? undefined : parseDiffReport(body);
  if (report === undefined)
    throw new AdminApiError(`mirrormesh diff: ${url} has no GET /diff: this sidecar cannot compare answers (it predates the shadow diff)`);
  if (report.routes.length === 0)
    throw new AdminApiError(
      `mirrormesh diff: compare is not enabled on any route of ${url}: set routes[].mirror.compare.enabled (or mirrors[].compare.enabled) in its config`,
    );
  const routes = values.route === undefined ? report.routes : report.routes.filter((r) => r.route === values.route);
  if (values.route !== undefined && routes.length === 0)
    throw new AdminApiError(
      `mirrormesh diff: route "${values.route.slice(0, 100)}" compares no mirror (routes compared: ${report.routes.map((r) => r.route).join(', ') || 'none'})`,
    );
  const filtered = { ...report, routes, dropped: report.dropped.filter((d) => values.route === undefined || d.route === values.route) };
  ctx.stdout.write(`${values.json === true ? JSON.stringify(filtered, null, 2) : formatDiffTable(filtered)}\n`);
  return 0;
}
