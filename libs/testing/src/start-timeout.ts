/**
 * How long a test waits for a server or process it started to say that it is ready. Generous on
 * purpose: on a 2-core machine busy with other work, a Node service has taken more than 10 s to
 * start. A start-up that is really stuck still fails, and says what it waited for. Jest's
 * testTimeout (the shared preset) is longer, so this message is what a slow start reports.
 */
export const START_TIMEOUT_MS = 30_000;

/** The error of a start-up wait that ran out: what was started, what the wait looked for, and what the process said. */
export function startTimeoutError(what: string, waitedFor: string, output: string): Error {
  return new Error(`${what} did not start within ${START_TIMEOUT_MS} ms (waited for ${waitedFor}); its output so far:\n${output}`);
}
