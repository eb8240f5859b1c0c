import { checkCorpus } from './check-syntax';

/** Loading the parser's scripts and analysing ~75 queries takes seconds, more on a busy machine. */
const PARSER_CHECK_TIMEOUT_MS = 180_000;

// Microsoft's parser agrees with the corpus: its queries are valid KQL whose result columns are the
// expected ones, and its error cases carry the parser's own words and positions.
describe("KQL corpus: Microsoft's parser", () => {
  it(
    'finds no difference with the corpus',
    () => {
      expect(checkCorpus()).toEqual([]);
    },
    PARSER_CHECK_TIMEOUT_MS,
  );
});
