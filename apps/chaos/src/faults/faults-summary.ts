import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../app-entries';
import { type MirrorAccounting } from './mirror-accounting';

/** Where the suite leaves its figures (git-ignored). */
export const FAULTS_SUMMARY_FILE = join(REPO_ROOT, 'test-artifacts', 'chaos', 'faults-summary.json');

/** One scenario's figures, as printed and as written to the summary. */
export interface ScenarioFigures {
  readonly scenario: string;
  readonly requests: number;
  readonly liveErrors: number;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly calmP99Ms: number | undefined;
  readonly faultP99Ms: number | undefined;
  /** What the p99 check judges: the median of the 1 s windows' p99s (p99-limit.ts says why). */
  readonly calmWindowedP99Ms?: number | undefined;
  readonly faultWindowedP99Ms?: number | undefined;
  readonly p99LimitMs: number | undefined;
  /** The fault phase's mirror accounting, once in-flight copies ended (or the drain limit passed). */
  readonly mirror: MirrorAccounting | undefined;
  /** How long after the load in-flight copies took to reach 0 (undefined: not within the limit). */
  readonly inflightDrainMs: number | undefined;
  readonly notes?: string;
}

const ms = (value: number | undefined): string => (value === undefined ? '-' : `${value.toFixed(1)} ms`);

export function formatFigures(f: ScenarioFigures): string {
  const mirror =
    f.mirror === undefined
      ? ''
      : `; mirror answered ${f.mirror.answered} failed ${f.mirror.failed} timed-out ${f.mirror.timedOut} dropped ${f.mirror.dropped} in-flight ${f.mirror.inflight} (drained in ${ms(f.inflightDrainMs)})`;
  const judged =
    f.p99LimitMs === undefined
      ? ''
      : `; judged p99 (median of 1 s windows) calm ${ms(f.calmWindowedP99Ms)} vs fault ${ms(f.faultWindowedP99Ms)}, limit ${ms(f.p99LimitMs)}`;
  return `${f.scenario}: ${f.requests} requests, ${f.liveErrors} live errors, p99 calm ${ms(f.calmP99Ms)} vs fault ${ms(f.faultP99Ms)}${judged}${mirror}${f.notes === undefined ? '' : `; ${f.notes}`}`;
}

/** Prints the figures and merges them into the summary file (scenario name = key), so each suite file adds its own. */
export function recordFigures(figures: ScenarioFigures, file = FAULTS_SUMMARY_FILE): void {
  process.stdout.write(`${formatFigures(figures)}\n`);
  let existing: { scenarios: Record<string, ScenarioFigures & { at: string }> } = { scenarios: {} };
  try {
    existing = JSON.parse(readFileSync(file, 'utf8')) as typeof existing;
  } catch {
    // First scenario of the run, or an unreadable file: start afresh.
  }
  existing.scenarios[figures.scenario] = { ...figures, at: new Date().toISOString() };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(existing, null, 2)}\n`);
}
