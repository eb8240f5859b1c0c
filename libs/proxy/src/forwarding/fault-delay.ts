import { type ServerResponse } from 'node:http';

/**
 * Holds a request for its injected delay, then forwards it. A client that leaves meanwhile
 * ends it at once, as Envoy's fault filter does when the stream resets: nothing is
 * forwarded and the exchange is not left in flight until the delay would have ended.
 */
export function delayThenForward(res: ServerResponse, delayMs: number, forward: () => void, clientGone: () => void): void {
  const onClose = (): void => {
    if (res.writableFinished) return;
    clearTimeout(timer);
    clientGone();
  };
  const timer = setTimeout(() => {
    res.off('close', onClose);
    forward();
  }, delayMs);
  res.once('close', onClose);
}
