import type { CorpusCase } from './corpus-case';
import { aggregateCases } from './queries-aggregates';
import { dynamicCases } from './queries-dynamic';
import { expressionCases } from './queries-expressions';
import { filterCases } from './queries-filters';
import { labCases } from './queries-lab';
import { orderingCases } from './queries-ordering';
import { timeCases } from './queries-time';

/** Every corpus query: the lab's and LogAnalyticsQuery.md's first, then the contract's list, as users write it. */
export const corpusCases: readonly CorpusCase[] = [
  ...labCases,
  ...timeCases,
  ...filterCases,
  ...dynamicCases,
  ...aggregateCases,
  ...expressionCases,
  ...orderingCases,
];
