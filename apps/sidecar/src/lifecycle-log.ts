/**
 * Lifecycle messages (start, reload, shutdown) go to stderr, one JSON line each, so that
 * standard output carries only access-log lines.
 */
export function logEvent(level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, component: 'sidecar', msg, ...fields })}\n`);
}
