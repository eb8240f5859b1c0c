import { judge, type Verdict } from './case-verdict';
import { type HostileCase } from './hostile-case';
import { exchange, type RawEndpoint } from './raw-exchange';

export interface CaseResult {
  readonly case: HostileCase;
  readonly verdict: Verdict;
  readonly elapsedMs: number;
  /** The first bytes of the answer, for the report. */
  readonly answer: string;
}

/** Connections in flight per batch: enough to finish 1,000 cases in seconds, few enough for a 2-core box. */
export const CASE_CONCURRENCY = 12;
const ANSWER_PREVIEW_BYTES = 300;

/** Runs the cases against their endpoints, at most `concurrency` at once, each bounded by its timeout. */
export async function runCases(
  cases: readonly HostileCase[],
  endpointOf: (c: HostileCase) => RawEndpoint,
  concurrency = CASE_CONCURRENCY,
): Promise<CaseResult[]> {
  const results: CaseResult[] = new Array<CaseResult>(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next;
      next += 1;
      const hostile = cases[index] as HostileCase;
      const result = await exchange(endpointOf(hostile), hostile.parts, {
        ...(hostile.endAfterSend === undefined ? {} : { endAfterSend: hostile.endAfterSend }),
        ...(hostile.timeoutMs === undefined ? {} : { timeoutMs: hostile.timeoutMs }),
        head: hostile.head === true,
      });
      results[index] = {
        case: hostile,
        verdict: judge(result, hostile.expect, hostile.head === true),
        elapsedMs: result.elapsedMs,
        answer: result.bytes.subarray(0, ANSWER_PREVIEW_BYTES).toString('latin1'),
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, cases.length) }, worker));
  return results;
}
