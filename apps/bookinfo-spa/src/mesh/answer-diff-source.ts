import { type AnswerDiffReport } from './answer-diff.dto';

/** Where the dashboard reads the in-process sidecar's answer comparison. */
export interface AnswerDiffSource {
  report(): AnswerDiffReport;
}

export const ANSWER_DIFF_SOURCE = Symbol('ANSWER_DIFF_SOURCE');

/** The report of a sidecar that compares nothing: no route has `mirror.compare` on. */
export const NOTHING_COMPARED: AnswerDiffReport = {
  pending: { count: 0, bytes: 0, maxCount: 0, maxBytes: 0 },
  dropped: [],
  routes: [],
};

/** Until this build's proxy compares answers (`mirror.compare`), the front end reports that nothing is compared. */
export function createAnswerDiffSource(): AnswerDiffSource {
  return { report: () => NOTHING_COMPARED };
}
