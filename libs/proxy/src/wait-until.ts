/** How often a drain re-checks its condition; short enough to not delay shutdown noticeably. */
const POLL_MS = 10;

/** Resolves once `condition()` holds or `timeoutMs` passed (whichever first). */
export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
}
