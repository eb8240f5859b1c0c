import { type StoppedApp } from './mesh';

/**
 * The mesh's exit code and last line once it stopped: 0 when every app exited 0 (it
 * drained and flushed), else 1, naming each app that did not and how it ended.
 */
export function stopStatus(cause: string, apps: readonly StoppedApp[]): { readonly code: 0 | 1; readonly line: string } {
  const unclean = apps.filter((app) => app.exit.code !== 0);
  if (unclean.length === 0) {
    return { code: 0, line: `mirrormesh: stopped on ${cause}: ${apps.map((a) => a.name).join(', ')} drained and exited 0; exit code 0` };
  }
  const how = unclean.map(
    (app) => `${app.name} ${app.exit.signal === null ? `exited ${app.exit.code}` : `was ended by ${app.exit.signal}`}`,
  );
  return { code: 1, line: `mirrormesh: stopped on ${cause}, but ${how.join(', ')} (see its log); exit code 1` };
}
