import type { DashboardWindow } from '../../../src/mesh/mesh-dashboard.dto';

/** The windows offered, as people read them; typed against the server's DashboardWindow. */
export const WINDOW_LABELS: Readonly<Record<DashboardWindow, string>> = {
  '1m': 'Last 1 min',
  '5m': 'Last 5 min',
  '15m': 'Last 15 min',
  start: 'Since start',
};

/** Which recent window the per-version numbers cover. */
export function WindowSelect({
  value,
  onChange,
}: {
  readonly value: DashboardWindow;
  readonly onChange: (window: DashboardWindow) => void;
}) {
  return (
    <label className="window-select">
      Window{' '}
      <select value={value} onChange={(event) => onChange(event.target.value as DashboardWindow)}>
        {(Object.keys(WINDOW_LABELS) as DashboardWindow[]).map((window) => (
          <option key={window} value={window}>
            {WINDOW_LABELS[window]}
          </option>
        ))}
      </select>
    </label>
  );
}
