import { type IncomingMessage } from 'node:http';
import { type Socket } from 'node:net';
import { upgradeChannel, type UpgradeCloseCause } from './upgrade-channel';

/** What is known of an upgrade when it ends. */
export interface UpgradeOutcome {
  readonly proxyId: string;
  readonly req: IncomingMessage;
  readonly route: string;
  readonly cluster: string;
  readonly requestId: string;
  readonly userAgent: string | undefined;
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly closedBy: UpgradeCloseCause | undefined;
  readonly bytesToUpstream: number;
  readonly bytesToClient: number;
  readonly startedAt: number;
  readonly t0: number;
}

/** Publishes one upgrade's end; the event is built only when someone listens. */
export function publishUpgrade(outcome: UpgradeOutcome): void {
  if (!upgradeChannel.hasSubscribers) return;
  const { req } = outcome;
  upgradeChannel.publish({
    proxyId: outcome.proxyId,
    route: outcome.route,
    cluster: outcome.cluster,
    method: req.method ?? '',
    path: req.url ?? '',
    requestId: outcome.requestId,
    status: outcome.status,
    errorCode: outcome.errorCode,
    closedBy: outcome.closedBy,
    durationMs: performance.now() - outcome.t0,
    startedAt: outcome.startedAt,
    bytesToUpstream: outcome.bytesToUpstream,
    bytesToClient: outcome.bytesToClient,
    remoteAddress: (req.socket as Socket | null)?.remoteAddress,
    httpVersion: req.httpVersion,
    userAgent: outcome.userAgent,
  });
}
