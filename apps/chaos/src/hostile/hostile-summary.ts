import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type CaseResult } from './run-cases';

export interface CaseFailure {
  readonly name: string;
  readonly reason: string;
  /** The request's first bytes, escaped, to replay it. */
  readonly request: string;
  readonly answer: string;
}

export interface TargetSummary {
  tried: number;
  failed: number;
  byOutcome: Record<string, number>;
  failures: CaseFailure[];
}

export interface ProcessSample {
  readonly pid: number;
  rssBeforeMiB?: number;
  rssAfterMiB?: number;
  alive?: boolean;
}

export interface HostileSummary {
  seed: number;
  startedAt: string;
  durationMs?: number;
  tried: number;
  failed: number;
  crash500: number;
  crashedProcesses: string[];
  targets: Record<string, TargetSummary>;
  processes: Record<string, ProcessSample>;
  upstreamSawSmuggled: string[];
}

const REQUEST_PREVIEW_BYTES = 400;

export function emptySummary(seed: number): HostileSummary {
  return {
    seed,
    startedAt: new Date().toISOString(),
    tried: 0,
    failed: 0,
    crash500: 0,
    crashedProcesses: [],
    targets: {},
    processes: {},
    upstreamSawSmuggled: [],
  };
}

/** Adds a batch's results to the summary (pure: the suite prints and writes it at the end). */
export function recordResults(summary: HostileSummary, results: readonly CaseResult[]): void {
  for (const result of results) {
    const target = (summary.targets[result.case.target] ??= { tried: 0, failed: 0, byOutcome: {}, failures: [] });
    target.tried += 1;
    summary.tried += 1;
    target.byOutcome[result.verdict.outcome] = (target.byOutcome[result.verdict.outcome] ?? 0) + 1;
    if (result.verdict.crash500) summary.crash500 += 1;
    if (result.verdict.ok) continue;
    target.failed += 1;
    summary.failed += 1;
    const request = Buffer.concat(result.case.parts.map((p) => p.bytes))
      .subarray(0, REQUEST_PREVIEW_BYTES)
      .toString('latin1');
    target.failures.push({ name: result.case.name, reason: result.verdict.reason ?? '', request, answer: result.answer });
  }
}

/** One line per failure, for a test's message. */
export function describeFailures(results: readonly CaseResult[]): string {
  return results
    .filter((r) => !r.verdict.ok)
    .map(
      (r) =>
        `${r.case.name}: ${r.verdict.reason ?? ''}${r.case.why === undefined ? '' : ` (${r.case.why})`}\n    answer: ${JSON.stringify(r.answer.slice(0, 160))}`,
    )
    .join('\n');
}

export function writeSummary(file: string, summary: HostileSummary): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
}
