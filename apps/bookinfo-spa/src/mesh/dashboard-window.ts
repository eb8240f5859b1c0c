import { type DashboardWindow } from './mesh-dashboard.dto';

/** The windows the Mirror page offers, shortest first; `start` is since this front end started. */
export const DASHBOARD_WINDOWS = ['1m', '5m', '15m', 'start'] as const satisfies readonly DashboardWindow[];

/** What `/_mesh/dashboard` answers without `?window=` (the collector window it always used). */
export const DEFAULT_DASHBOARD_WINDOW: DashboardWindow = '15m';

const WINDOW_MS: Readonly<Record<Exclude<DashboardWindow, 'start'>, number>> = { '1m': 60_000, '5m': 300_000, '15m': 900_000 };

export function isDashboardWindow(value: string): value is DashboardWindow {
  return (DASHBOARD_WINDOWS as readonly string[]).includes(value);
}

/** Where a window begins: `now` minus its length, or the front end's start (never earlier than that). */
export function windowStart(window: DashboardWindow, now: Date, startedAt: Date): Date {
  return window === 'start' ? startedAt : new Date(now.getTime() - WINDOW_MS[window]);
}

/** The collector's `since` for a window: relative (`5m`), or the front end's start as an ISO date-time. */
export function collectorSince(window: DashboardWindow, startedAt: Date): string {
  return window === 'start' ? startedAt.toISOString() : window;
}
