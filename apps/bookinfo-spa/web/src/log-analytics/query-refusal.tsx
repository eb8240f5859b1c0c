import type { LogQueryRefusal } from '../../../src/mesh/log-query.dto';
import { caretLine } from './caret-line';

/** The collector's refusal: its words, and the line of the query it points at with a caret under the column. */
export function QueryRefusal({ refusal, query }: { readonly refusal: LogQueryRefusal['refusal']; readonly query: string }) {
  const where = refusal.line === null || refusal.column === null ? undefined : caretLine(query, refusal.line, refusal.column);
  return (
    <div className="query-refusal" data-query-refusal={refusal.code}>
      <p className="error" data-field="message">
        {refusal.message}
      </p>
      {where !== undefined && (
        <pre className="query-caret" aria-label={`Line ${where.line}, column ${where.column} of the query`}>
          <code data-field="query-line">{where.text}</code>
          {'\n'}
          <code data-field="caret" aria-hidden="true">
            {where.caret}
          </code>
        </pre>
      )}
    </div>
  );
}
