import SonicBoom from 'sonic-boom';
import { type AccessLogEntry, type AccessLogFormat } from './access-log-entry';
import { formatCommonLogLine } from './common-log-format';
import { JsonLogLine } from './json-log-line';

export interface AccessLogOptions {
  readonly format: AccessLogFormat;
  /** A file descriptor or a file path; standard output by default. */
  readonly destination?: number | string;
}

/** Writes one line per request; `close` before exit writes what is still buffered. */
export interface AccessLog {
  write(entry: AccessLogEntry): void;
  /** Writes out buffered lines and releases the destination; later writes are dropped. */
  close(): Promise<void>;
}

/**
 * Both formats write preformatted lines through pino's SonicBoom destination
 * (asynchronous, coalesced writes off the request path); JSON lines read as pino records.
 */
export function createAccessLog(options: AccessLogOptions): AccessLog {
  const stream = new SonicBoom({ dest: options.destination ?? 1, sync: false, mkdir: true });
  const writeLine =
    options.format === 'json' ? jsonWriter(stream) : (entry: AccessLogEntry) => stream.write(`${formatCommonLogLine(entry)}\n`);
  let closing: Promise<void> | undefined;
  return {
    write(entry) {
      if (closing === undefined) writeLine(entry);
    },
    close() {
      closing ??= new Promise((resolve) => {
        stream.once('close', () => resolve());
        stream.end();
      });
      return closing;
    },
  };
}

function jsonWriter(stream: SonicBoom): (entry: AccessLogEntry) => void {
  const line = new JsonLogLine();
  return (entry) => stream.write(line.format(entry, Date.now()));
}
