import { type Proxy } from '@mirrormesh/proxy';
import { type AnswerDiffReport } from './answer-diff.dto';

/** Where the dashboard reads the in-process sidecar's answer comparison. */
export interface AnswerDiffSource {
  report(): AnswerDiffReport;
}

export const ANSWER_DIFF_SOURCE = Symbol('ANSWER_DIFF_SOURCE');

/**
 * The proxy's own report (what the standalone sidecar serves at admin /diff), typed as the
 * dashboard's DTO that the web app can import: the return type keeps the two in step.
 */
export function createAnswerDiffSource(proxy: Pick<Proxy, 'diffReport'>): AnswerDiffSource {
  return { report: (): AnswerDiffReport => proxy.diffReport() };
}
