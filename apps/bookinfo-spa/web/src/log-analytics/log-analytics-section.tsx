import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { LAB_QUERY } from './lab-query';
import { runLogQuery, type QueryOutcome } from './query-client';
import { QueryRefusal } from './query-refusal';
import { QueryResult } from './query-result';
import { DEFAULT_TIMESPAN, isTimespanChoice, TIMESPANS, type TimespanChoice } from './timespans';

type RunState =
  | { readonly state: 'idle' }
  | { readonly state: 'running' }
  /** `query` is the text that ran: the caret points into it even after the box is edited. */
  | { readonly state: 'done'; readonly query: string; readonly timespan: TimespanChoice; readonly outcome: QueryOutcome };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function statusText(run: RunState): string {
  if (run.state === 'idle') return 'Run the query to see its result.';
  if (run.state === 'running') return 'Running…';
  const { outcome } = run;
  if (outcome.kind === 'refused') return 'The collector refused the query.';
  if (outcome.kind === 'failed') return 'The query could not run.';
  const table = outcome.result.tables[0];
  const rows = table?.rows.length ?? 0;
  const columns = table?.columns.length ?? 0;
  const over = TIMESPANS.find((t) => t.value === run.timespan)?.label.toLowerCase() ?? '';
  return `${plural(rows, 'row')}, ${plural(columns, 'column')} (${over}).`;
}

/** The lab's Log Analytics query box: KQL over the collector's telemetry, as Azure's Logs page answers it. */
export function LogAnalyticsSection() {
  const id = useId();
  const [query, setQuery] = useState(LAB_QUERY);
  const [timespan, setTimespan] = useState<TimespanChoice>(DEFAULT_TIMESPAN);
  const [run, setRun] = useState<RunState>({ state: 'idle' });
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => () => inFlight.current?.abort(), []);

  const start = () => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    const text = query;
    const over = timespan;
    setRun({ state: 'running' });
    runLogQuery(over === 'all' ? { query: text } : { query: text, timespan: over }, controller.signal).then(
      (outcome) => setRun({ state: 'done', query: text, timespan: over, outcome }),
      () => undefined, // aborted: a newer run (or leaving the page) took over
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    start();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      start();
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="log-analytics" data-log-analytics>
      <h2 id={`${id}-heading`}>Log Analytics</h2>
      <p className="muted">
        KQL over the collector&apos;s <code>requests</code> and <code>dependencies</code>, answered as Azure&apos;s Logs page would.
      </p>
      <form onSubmit={onSubmit} className="query-form">
        <label htmlFor={`${id}-query`}>Query</label>
        <textarea
          id={`${id}-query`}
          className="query-text"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          rows={Math.min(16, Math.max(6, query.split('\n').length + 2))}
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          data-query-text
        />
        <div className="query-controls">
          <label>
            Time range{' '}
            <select
              value={timespan}
              onChange={(event) => {
                if (isTimespanChoice(event.target.value)) setTimespan(event.target.value);
              }}
              data-query-timespan
            >
              {TIMESPANS.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" data-query-run>
            Run
          </button>
          <span id={`${id}-hint`} className="muted">
            Ctrl+Enter runs it too.
          </span>
        </div>
      </form>
      <p role="status" aria-live="polite" className="muted" data-query-state={run.state === 'done' ? run.outcome.kind : run.state}>
        {statusText(run)}
      </p>
      <div aria-busy={run.state === 'running'}>
        {run.state === 'done' && run.outcome.kind === 'ok' && <QueryResult result={run.outcome.result} query={run.query} />}
        {run.state === 'done' && run.outcome.kind === 'refused' && <QueryRefusal refusal={run.outcome.refusal} query={run.query} />}
        {run.state === 'done' && run.outcome.kind === 'failed' && (
          <p className="warning" data-query-failure>
            {run.outcome.message}
          </p>
        )}
      </div>
    </section>
  );
}
