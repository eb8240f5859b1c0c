import { type IncomingMessage, type ServerResponse } from 'node:http';

/** How a fault server answers: the faults a live or mirror upstream shows the sidecar. */
export const FAULT_BEHAVIOURS = ['ok', 'hang', 'reset-mid-response', 'trickle', 'garbage', 'error-share', 'slow'] as const;
export type FaultBehaviour = (typeof FAULT_BEHAVIOURS)[number];

/** Named, bounded figures for each behaviour; a scenario overrides the few it cares about. */
export interface FaultTuning {
  /** trickle: one byte per interval, `trickleBytes` in all (25 ms × 240 = 6 s, twice a 3 s mirror timeout). */
  readonly trickleIntervalMs: number;
  readonly trickleBytes: number;
  /** reset-mid-response: the body announced, and how much of it is sent before the socket is destroyed. */
  readonly resetDeclaredBytes: number;
  readonly resetSentBytes: number;
  /** error-share: the share of requests answered 500 (drawn per request). */
  readonly errorShare: number;
  /** slow: how long before the answer. */
  readonly slowMs: number;
}

export const FAULT_TUNING_DEFAULTS: FaultTuning = {
  trickleIntervalMs: 25,
  trickleBytes: 240,
  resetDeclaredBytes: 4_096,
  resetSentBytes: 512,
  errorShare: 0.4,
  slowMs: 1_200,
};

const OK_BODY = JSON.stringify({ id: 1, title: 'The Comedy of Errors', reviews: 2 });
/** Not HTTP: the client's parser must reject it on the first line. */
const GARBAGE = Buffer.from('\u0000\u0001GARBAGE not-http \u00ff\u00fe\r\n\r\n'.repeat(8), 'latin1');

function answer(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Answers one request as `behaviour` says; `timers` lets shutdown cancel a trickle in progress. */
export function respondWith(
  behaviour: FaultBehaviour,
  tuning: FaultTuning,
  req: IncomingMessage,
  res: ServerResponse,
  timers: Set<NodeJS.Timeout>,
): void {
  switch (behaviour) {
    case 'ok':
      return answer(res, 200, OK_BODY);
    case 'hang':
      // Accepted and read, never answered: the socket stays open until the peer gives up.
      return;
    case 'reset-mid-response': {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': tuning.resetDeclaredBytes });
      res.write(Buffer.alloc(tuning.resetSentBytes, 0x61), () => res.socket?.destroy());
      return;
    }
    case 'trickle': {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': tuning.trickleBytes });
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed || sent >= tuning.trickleBytes) {
          clearInterval(timer);
          timers.delete(timer);
          if (!res.destroyed) res.end();
          return;
        }
        res.write('x');
        sent += 1;
      }, tuning.trickleIntervalMs);
      timers.add(timer);
      return;
    }
    case 'garbage':
      req.socket.end(GARBAGE);
      return;
    case 'error-share':
      return Math.random() < tuning.errorShare ? answer(res, 500, '{"code":"INJECTED"}') : answer(res, 200, OK_BODY);
    case 'slow': {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) answer(res, 200, OK_BODY);
      }, tuning.slowMs);
      timers.add(timer);
      return;
    }
  }
}

export function isFaultBehaviour(value: string): value is FaultBehaviour {
  return (FAULT_BEHAVIOURS as readonly string[]).includes(value);
}
