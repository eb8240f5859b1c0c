import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { KqlError, runQuery } from '@mirrormesh/kql';
import { SqliteTableSource } from '../storage/sqlite-table-source';
import { type QueryReplyMessage, type QueryRequestMessage, type QueryWorkerData } from './kql-messages';

// The query thread: its own read-only connection (WAL lets it read while the collector's thread
// commits), Microsoft's parser loaded here on the first query, and every query run here, so a
// long one never holds up the track API or the health probes.
const port = parentPort;
if (port === null) throw new Error('kql-worker must run as a worker thread (new Worker(...))');
const data = workerData as QueryWorkerData;
const db = new DatabaseSync(data.databaseFile, { readOnly: true });
const source = new SqliteTableSource(db);

async function answer(request: QueryRequestMessage): Promise<QueryReplyMessage> {
  // One read transaction per query: every page of every scan sees the same committed state, while
  // the collector's thread goes on committing (WAL readers never block the writer).
  db.exec('BEGIN');
  try {
    const result = await runQuery(request.query, source, {
      now: () => request.now,
      maxRows: data.maxRows,
      ...(request.timespan === undefined ? {} : { timespan: request.timespan }),
    });
    return { id: request.id, ok: true, result };
  } catch (error) {
    if (error instanceof KqlError) {
      return { id: request.id, ok: false, refusal: { code: error.code, message: error.message, line: error.line, column: error.column } };
    }
    return { id: request.id, ok: false, failure: error instanceof Error ? error.message : String(error) };
  } finally {
    db.exec('COMMIT');
  }
}

// One query at a time, in arrival order: the runner queues, the thread only answers.
let chain: Promise<void> = Promise.resolve();
port.on('message', (request: QueryRequestMessage) => {
  chain = chain.then(async () => port.postMessage(await answer(request)));
});
