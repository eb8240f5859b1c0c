import { type QueryResult } from '@mirrormesh/kql';

/** What the collector's thread asks its query thread. */
export interface QueryRequestMessage {
  readonly id: number;
  readonly query: string;
  readonly timespan: string | undefined;
  /** The clock of `now()` and `ago()`: the moment the API received the query. */
  readonly now: number;
}

/** A KqlError as it crosses threads (an Error's class does not). */
export interface QueryRefusal {
  readonly code: string;
  readonly message: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
}

export type QueryReplyMessage =
  | { readonly id: number; readonly ok: true; readonly result: QueryResult }
  | { readonly id: number; readonly ok: false; readonly refusal: QueryRefusal }
  | { readonly id: number; readonly ok: false; readonly failure: string };

/** What the query thread is started with. */
export interface QueryWorkerData {
  readonly databaseFile: string;
  readonly maxRows: number;
}
