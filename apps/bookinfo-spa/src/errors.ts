import { ProblemException } from '@mirrormesh/service-kit';
import { DASHBOARD_WINDOWS } from './mesh/dashboard-window';

/** `/_mesh/dashboard?window=` names no window the page offers. */
export class InvalidWindowException extends ProblemException {
  constructor() {
    super(400, 'INVALID_WINDOW', `window must be one of ${DASHBOARD_WINDOWS.join(', ')}`);
  }
}

/** Base class of this app's own errors; `code` is stable, the message says what to fix. */
export class BookinfoSpaError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The web root is missing or holds no index.html (the web app was not built). */
export class WebRootError extends BookinfoSpaError {
  constructor(root: string, why: string) {
    super('WEB_ROOT_INVALID', `web root ${root} ${why} (run "npm run build -w @mirrormesh/bookinfo-spa", or set WEB_ROOT)`);
  }
}

/** The collector could not be asked; the message is for the log, never for the browser. */
export class CollectorUnavailableError extends BookinfoSpaError {
  constructor(why: string) {
    super('COLLECTOR_UNAVAILABLE', `collector unavailable: ${why}`);
  }
}

/** ADMIN_PORT could not be listened on (in use, or not allowed). */
export class AdminListenError extends BookinfoSpaError {
  constructor(host: string, port: number, cause: NodeJS.ErrnoException) {
    const why = cause.code === 'EADDRINUSE' ? 'the port is already in use' : (cause.code ?? cause.message);
    super('ADMIN_LISTEN_FAILED', `cannot listen on ${host}:${port} for the admin API: ${why} (set ADMIN_PORT to another one)`);
  }
}

/** Why a query could not be relayed; each maps to one answer for the browser (log-query-problem.ts). */
export type LogQueryRelayFailure = 'not-configured' | 'busy' | 'unreachable' | 'timeout' | 'answer-too-large' | 'bad-answer';

/** A query could not be relayed to the collector; the message is for the log, never for the browser. */
export class LogQueryRelayError extends BookinfoSpaError {
  constructor(
    readonly failure: LogQueryRelayFailure,
    why: string,
  ) {
    super('LOG_QUERY_RELAY_FAILED', `log query not relayed (${failure}): ${why}`);
  }
}
