import { formatIssue, type Issue } from './issue';

/** Thrown by `Schema.parse`: carries every issue, and a message listing them one per line. */
export class SchemaError extends Error {
  readonly code = 'ERR_SCHEMA';

  constructor(
    readonly issues: readonly Issue[],
    readonly label = 'value',
  ) {
    super(issues.map((issue) => formatIssue(issue, label)).join('\n'));
    this.name = 'SchemaError';
  }
}
