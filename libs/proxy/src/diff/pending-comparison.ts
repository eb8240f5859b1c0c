import { type CompiledCompare, type CompiledMirror } from '../mirror/compile-mirror';
import { type ByteBudget } from '../limits/byte-budget';
import { mirrorExchangeChannel, type ExchangeEvent } from '../observability/channels';
import { DEADLINES, type Deadline } from '../timing/deadlines';
import { AnswerCapture, type CaptureOwner } from './answer-capture';
import { CAPTURE_TIMEOUT, COPY_NOT_MADE, type DiffDropReason, type MirrorDiffSummary } from './diff-drop-reason';

/** A mirror whose answers are compared. */
export type ComparedMirror = CompiledMirror & { readonly compare: CompiledCompare };

/** One compared mirror of a request: its candidate's answer, the noise answer when sampled, its held event. */
export interface CandidateSlot {
  readonly mirror: ComparedMirror;
  readonly candidate: AnswerCapture;
  noise: AnswerCapture | undefined;
  /** The copy's mirror exchange event, published once the comparison settles (with its `diff`). */
  event: ExchangeEvent | undefined;
  summary: MirrorDiffSummary | undefined;
}

/** Where a settled comparison goes: the proxy-wide diff state. */
export interface ComparisonSink {
  readonly bytes: ByteBudget;
  /** Diffs and records one settled slot whose answers all arrived; returns the event's summary. */
  record(route: string, slot: CandidateSlot, live: AnswerCapture): MirrorDiffSummary;
  drop(route: string, mirror: string, reason: DiffDropReason): void;
  /** The comparison let go of everything: it no longer counts as pending. */
  ended(comparison: PendingComparison): void;
}

/**
 * One compared request, waiting for its live answer and each compared mirror's (and noise)
 * answers. It holds no request or response: only the captures, a few names and one timer.
 * It settles once every answer is in, or at its deadline (the longest mirror timeout plus
 * a grace, so a live answer still streaming cannot hold it forever), then diffs, records and
 * gives back every byte. If the proxy-wide byte budget runs out while capturing, the whole
 * comparison is given up at once (`bytes-full`): memory stays within the budget.
 */
export class PendingComparison implements CaptureOwner {
  readonly live: AnswerCapture;
  private readonly slots: CandidateSlot[] = [];
  private sealed = false;
  private finished = false;
  private timer: Deadline | undefined;

  constructor(
    private readonly sink: ComparisonSink,
    readonly route: string,
    readonly requestId: string,
    liveMaxBodyBytes: number,
    deadlineMs: number,
  ) {
    this.live = new AnswerCapture(requestId, liveMaxBodyBytes, sink.bytes, this);
    // On the process's deadlines, as every exchange and copy: one timer per duration, never keeping a process alive.
    this.timer = DEADLINES.set(deadlineMs, onComparisonDeadline, this);
  }

  /** A compared mirror's copy is about to be made: its answer (and noise answer) are captured from now. */
  addCandidate(mirror: ComparedMirror): CandidateSlot {
    const candidate = new AnswerCapture(this.requestId, mirror.compare.maxBodyBytes, this.sink.bytes, this);
    const slot: CandidateSlot = { mirror, candidate, noise: undefined, event: undefined, summary: undefined };
    this.slots.push(slot);
    return slot;
  }

  addNoise(slot: CandidateSlot): AnswerCapture {
    slot.noise = new AnswerCapture(this.requestId, slot.mirror.compare.maxBodyBytes, this.sink.bytes, this);
    return slot.noise;
  }

  /** A copy that was never made: its answer will never come. */
  notMade(capture: AnswerCapture): void {
    capture.failNow(COPY_NOT_MADE);
    this.captureSettled();
  }

  /** Every copy has been started (or refused): the comparison may settle from now on. */
  seal(): void {
    this.sealed = true;
    this.captureSettled();
  }

  /** A compared copy's event waits for the comparison; once settled, it goes out at once. */
  holdEvent(slot: CandidateSlot, event: ExchangeEvent): void {
    if (slot.summary !== undefined) publishWithDiff(event, slot.summary);
    else slot.event = event;
  }

  captureSettled(): void {
    if (!this.sealed || this.finished) return;
    // Every candidate failed (or its copy was never made): nothing left to compare, stop capturing live now.
    if (this.slots.every((slot) => slot.candidate.state === 'failed')) return this.settle();
    if (this.live.state === 'waiting') return;
    for (const slot of this.slots) if (slot.candidate.state === 'waiting' || slot.noise?.state === 'waiting') return;
    this.settle();
  }

  captureOverBudget(): void {
    this.giveUp('bytes-full');
  }

  /** The deadline passed: what is still missing counts as timed out, and what arrived is compared. */
  deadlinePassed(): void {
    this.timer = undefined;
    if (this.finished) return;
    this.live.failNow(CAPTURE_TIMEOUT);
    for (const slot of this.slots) {
      slot.candidate.failNow(CAPTURE_TIMEOUT);
      slot.noise?.failNow(CAPTURE_TIMEOUT);
    }
    this.sealed = true;
    this.settle();
  }

  private settle(): void {
    this.finish();
    // Still waiting only when settled early, all candidates failed: each slot then counts its own failure.
    const live = this.live;
    const liveReason = live.state !== 'failed' ? undefined : live.errorCode === CAPTURE_TIMEOUT ? 'timeout' : 'live-failed';
    for (const slot of this.slots) {
      const reason = liveReason ?? failureReason(slot.candidate);
      if (reason !== undefined) this.skip(slot, reason);
      else this.done(slot, this.sink.record(this.route, slot, this.live));
    }
    this.releaseAll();
  }

  private giveUp(reason: DiffDropReason): void {
    if (this.finished) return;
    this.finish();
    for (const slot of this.slots) this.skip(slot, reason);
    this.releaseAll();
  }

  private skip(slot: CandidateSlot, reason: DiffDropReason): void {
    this.sink.drop(this.route, slot.mirror.cluster.name, reason);
    this.done(slot, { result: 'skipped', reason });
  }

  private done(slot: CandidateSlot, summary: MirrorDiffSummary): void {
    slot.summary = summary;
    if (slot.event === undefined) return;
    publishWithDiff(slot.event, summary);
    slot.event = undefined;
  }

  private finish(): void {
    this.finished = true;
    DEADLINES.clear(this.timer);
    this.timer = undefined;
  }

  private releaseAll(): void {
    this.live.release();
    for (const slot of this.slots) {
      slot.candidate.release();
      slot.noise?.release();
    }
    this.sink.ended(this);
  }
}

function failureReason(capture: AnswerCapture): DiffDropReason | undefined {
  if (capture.state === 'answered') return undefined;
  if (capture.errorCode === CAPTURE_TIMEOUT) return 'timeout';
  return capture.errorCode === COPY_NOT_MADE ? 'mirror-dropped' : 'mirror-failed';
}

function publishWithDiff(event: ExchangeEvent, diff: MirrorDiffSummary): void {
  if (mirrorExchangeChannel.hasSubscribers) mirrorExchangeChannel.publish({ ...event, diff });
}

// A module-level deadline callback (the comparison as its owner): no closure per comparison.
function onComparisonDeadline(comparison: PendingComparison): void {
  comparison.deadlinePassed();
}
