import { type ExchangeResult } from './exchange-result';
import { type Expectation } from './hostile-case';
import { parseResponses } from './http-response-parser';

/** How a case ended, as counted in the summary: a status, or how the connection ended without one. */
export type Outcome = `${number}` | 'closed' | 'reset' | 'hang' | 'connect-failed' | 'garbage';

export interface Verdict {
  readonly ok: boolean;
  readonly outcome: Outcome;
  /** A 500: an unhandled exception answered as an error. Never acceptable. */
  readonly crash500: boolean;
  readonly statuses: readonly number[];
  readonly reason?: string;
}

/** 5xx a server may honestly give; 500 is never one of them (it means an exception escaped). */
const HONEST_5XX = new Set([501, 502, 503, 504, 505]);

/** Judges what came back for one case against its expectation. Pure: unit-tested beside it. */
export function judge(result: ExchangeResult, expect: Expectation, head = false): Verdict {
  const stream = parseResponses(result.bytes, () => head);
  const statuses = stream.responses.map((r) => r.status);
  const first = statuses[0];
  const outcome: Outcome = first !== undefined ? `${first}` : stream.garbage.length > 0 ? 'garbage' : endOutcome(result);
  const crash500 = statuses.includes(500);
  const fail = (reason: string): Verdict => ({ ok: false, outcome, crash500, statuses, reason });
  if (result.end === 'connect-failed') return fail(`could not connect: ${result.error ?? ''}`);
  if (crash500) return fail('answered 500: an unhandled exception');
  if (stream.garbage.length > 0)
    return fail(`wrote bytes that are not an HTTP response: ${JSON.stringify(stream.garbage.subarray(0, 80).toString('latin1'))}`);
  if (expect.closeWithinBound === true) {
    if (result.end === 'timeout' && statuses.length === 0) return fail(`neither answered nor closed within ${result.elapsedMs} ms`);
  } else if (result.end === 'timeout' && statuses.length === 0) {
    return fail(`no answer and no close within ${result.elapsedMs} ms`);
  }
  const later = statuses.slice(1).filter((s) => expect.laterAnswers !== undefined && !expect.laterAnswers.includes(s));
  if (later.length > 0) return fail(`answered ${statuses.join(', ')}: bytes after the first request were served as a request`);
  const unexpected = statuses.filter(
    (s, i) => !(i > 0 && expect.laterAnswers !== undefined ? expect.laterAnswers : expect.statuses).includes(s),
  );
  if (unexpected.length > 0) {
    const kind = unexpected.some((s) => s >= 500 && !HONEST_5XX.has(s))
      ? 'a 5xx that is not a gateway answer'
      : 'a status this case must not get';
    return fail(`answered ${unexpected.join(', ')} (${kind}); expected one of ${summariseStatuses(expect.statuses)}`);
  }
  if (statuses.length === 0 && expect.closeWithoutAnswer !== true && expect.closeWithinBound !== true) {
    return fail(`closed (${result.end}) without an answer`);
  }
  const forbidden = (expect.bodyMustNotContain ?? []).find((text) => stream.responses.some((r) => r.body.includes(text)));
  if (forbidden !== undefined) return fail(`an answer body contains ${JSON.stringify(forbidden)}`);
  return { ok: true, outcome, crash500, statuses };
}

function endOutcome(result: ExchangeResult): Outcome {
  if (result.end === 'timeout') return 'hang';
  return result.end === 'answered' ? 'closed' : result.end;
}

/** `400-499, 502` rather than a hundred numbers. */
export function summariseStatuses(statuses: readonly number[]): string {
  const sorted = [...new Set(statuses)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j += 1;
    ranges.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return ranges.join(', ');
}
