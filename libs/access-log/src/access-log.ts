import pino from 'pino';
import SonicBoom from 'sonic-boom';
import { type AccessLogEntry, type AccessLogFormat } from './access-log-entry';
import { formatCommonLogLine } from './common-log-format';

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
 * Both formats write through pino's SonicBoom destination (asynchronous, coalesced
 * writes off the request path); JSON lines are pino records, common lines preformatted.
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
  const logger = pino({ base: null, messageKey: 'msg', timestamp: pino.stdTimeFunctions.isoTime }, stream);
  return (entry) =>
    logger.info(
      {
        time_received: entry.time.toISOString(),
        remote_address: entry.remoteAddress,
        method: entry.method,
        url: entry.url,
        http_version: entry.httpVersion,
        status: entry.status,
        bytes: entry.bytes,
        duration_ms: Math.round(entry.durationMs * 10) / 10,
        version_tag: entry.versionTag,
        request_id: entry.requestId,
        user_agent: entry.userAgent,
        ...entry.fields,
      },
      'request completed',
    );
}
