/**
 * Telemetry's own trouble (items dropped, the exporter thread gone) goes to stderr as one JSON
 * line, like the services' lifecycle messages: never thrown into the request that tracked.
 */
export function telemetryWarning(msg: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'warn', component: 'telemetry', msg, ...fields })}\n`);
}
