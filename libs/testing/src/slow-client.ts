import { connect } from 'node:net';

/** How long a slow client waits for the server before it gives up itself (bounded either way). */
export const SLOW_CLIENT_GIVE_UP_MS = 10_000;

/**
 * A client too slow for the server: sends `head`, then `piece` every `everyMs` (nothing more
 * when `piece` is undefined), and resolves with everything answered once the connection closes,
 * with the time it took. It gives up after `giveUpMs`.
 */
export function slowClient(
  port: number,
  head: string,
  options: { readonly piece?: string; readonly everyMs?: number; readonly giveUpMs?: number } = {},
): Promise<{ readonly answer: string; readonly ms: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => undefined);
    const { piece } = options;
    const trickle = piece === undefined ? undefined : setInterval(() => socket.writable && socket.write(piece), options.everyMs ?? 200);
    const giveUp = setTimeout(() => socket.destroy(), options.giveUpMs ?? SLOW_CLIENT_GIVE_UP_MS);
    socket.on('close', () => {
      clearInterval(trickle);
      clearTimeout(giveUp);
      resolve({ answer, ms: performance.now() - t0 });
    });
    socket.write(head);
  });
}
