import { type CompiledRoute } from '../config/compiled-config';
import { PROXY_DEFAULTS } from '../config/proxy-defaults';
import { ByteBudget } from '../limits/byte-budget';
import { type CompiledMirror } from '../mirror/compile-mirror';
import { type AnswerCapture } from './answer-capture';
import { diffAnswers } from './answer-diff';
import { DiffAggregator } from './diff-aggregator';
import { type DiffReport } from './diff-report';
import { type DiffDropReason, type MirrorDiffSummary } from './diff-drop-reason';
import { PendingComparison, type CandidateSlot, type ComparedMirror, type ComparisonSink } from './pending-comparison';

/** Drop counters are keyed by names from the config; this bounds them across reloads all the same. */
const MAX_DROP_SERIES = 2000;

interface DropCount {
  readonly route: string;
  readonly mirror: string;
  readonly reason: DiffDropReason;
  count: number;
}

/**
 * The proxy-wide shadow diff: admits comparisons within the pending caps (one count and one
 * byte budget, checked before any capture starts, each refusal counted by reason), diffs the
 * settled ones with the core, records them in the aggregator and answers GET /diff.
 * Kept across reloads; a reload may change the caps and rules (comparisons already waiting
 * finish on the rules they began with).
 */
export class DiffState implements ComparisonSink {
  readonly bytes = new ByteBudget(0);
  private maxCount = 0;
  private count = 0;
  private readonly aggregator = new DiffAggregator();
  private readonly dropped = new Map<string, DropCount>();
  droppedOverflow = 0;

  constructor(private readonly graceMs: number = PROXY_DEFAULTS.diffGraceMs) {}

  /** Applies a config's caps and registers its compared route/mirror pairs. */
  configure(
    limits: { readonly diffPendingComparisons: number; readonly diffPendingBytes: number },
    routes: readonly CompiledRoute[],
  ): void {
    this.maxCount = limits.diffPendingComparisons;
    this.bytes.maxBytes = limits.diffPendingBytes;
    for (const route of routes)
      for (const mirror of route.mirrors)
        if (mirror.compare !== undefined)
          this.aggregator.configure(route.name, mirror.cluster.name, {
            rules: mirror.compare.rules,
            noiseCluster: mirror.compare.noise?.mirror.cluster.name,
          });
  }

  /**
   * A request whose selected mirrors include compared ones: a comparison to capture into, or
   * the reason none is made (counted for each compared mirror selected).
   */
  begin(route: CompiledRoute, requestId: string, selected: number): PendingComparison | DiffDropReason | undefined {
    let deadlineMs = 0;
    let liveMaxBody = -1;
    const mirrors = route.mirrors;
    for (let i = 0; i < mirrors.length; i += 1) {
      const compare = (mirrors[i] as CompiledMirror).compare;
      if ((selected & (1 << i)) === 0 || compare === undefined) continue;
      liveMaxBody = Math.max(liveMaxBody, compare.maxBodyBytes);
      deadlineMs = Math.max(deadlineMs, (mirrors[i] as CompiledMirror).timeoutMs, compare.noise?.mirror.timeoutMs ?? 0);
    }
    if (liveMaxBody < 0) return undefined;
    const refused: DiffDropReason | undefined =
      this.count >= this.maxCount ? 'pending-full' : this.bytes.heldBytes >= this.bytes.maxBytes ? 'bytes-full' : undefined;
    if (refused !== undefined) {
      for (let i = 0; i < mirrors.length; i += 1) {
        const mirror = mirrors[i] as CompiledMirror;
        if ((selected & (1 << i)) !== 0 && mirror.compare !== undefined) this.drop(route.name, mirror.cluster.name, refused);
      }
      return refused;
    }
    this.count += 1;
    return new PendingComparison(this, route.name, requestId, liveMaxBody, deadlineMs + this.graceMs);
  }

  record(route: string, slot: CandidateSlot, live: AnswerCapture): MirrorDiffSummary {
    const mirror: ComparedMirror = slot.mirror;
    const { rules, maxBodyBytes } = mirror.compare;
    const name = mirror.cluster.name;
    const liveAnswer = live.answer(maxBodyBytes);
    const noise = slot.noise;
    if (noise !== undefined) {
      if (noise.state === 'answered') this.aggregator.recordNoise(route, name, diffAnswers(liveAnswer, noise.answer(), rules));
      else this.drop(route, name, 'noise-failed');
    }
    const verdict = this.aggregator.recordCandidate(
      route,
      name,
      liveAnswer.requestId,
      diffAnswers(liveAnswer, slot.candidate.answer(), rules),
    );
    return verdict.result === 'identical' ? { result: 'identical' } : { result: 'different', paths: verdict.paths };
  }

  drop(route: string, mirror: string, reason: DiffDropReason): void {
    const key = `${route}\u0000${mirror}\u0000${reason}`;
    const found = this.dropped.get(key);
    if (found !== undefined) found.count += 1;
    else if (this.dropped.size >= MAX_DROP_SERIES) this.droppedOverflow += 1;
    else this.dropped.set(key, { route, mirror, reason, count: 1 });
  }

  ended(): void {
    this.count -= 1;
  }

  /** Comparisons waiting now, and the answer bytes they hold. */
  get pending(): { readonly count: number; readonly bytes: number } {
    return { count: this.count, bytes: this.bytes.heldBytes };
  }

  /** GET /diff: the contract's shape, cumulative since start. */
  report(): DiffReport {
    return {
      pending: { count: this.count, bytes: this.bytes.heldBytes, maxCount: this.maxCount, maxBytes: this.bytes.maxBytes },
      dropped: [...this.dropped.values()].map(({ route, mirror, reason, count }) => ({ route, mirror, reason, count })),
      routes: this.aggregator.snapshot(),
    };
  }
}
