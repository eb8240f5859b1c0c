import type { CorpusCase } from './corpus-case';
import { aggregateCases } from './queries-aggregates';
import { filterCases } from './queries-filters';
import { labCases } from './queries-lab';
import { shapingCases } from './queries-shaping';

/** Every corpus query: the lab's and LogAnalyticsQuery.md's first, then the contract's list, as users write it. */
export const corpusCases: readonly CorpusCase[] = [...labCases, ...filterCases, ...aggregateCases, ...shapingCases];
