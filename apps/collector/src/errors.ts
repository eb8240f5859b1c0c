/** Base of every error the collector throws; `code` is stable, the message is for people. */
export class CollectorError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A segment file could not be written or synced: the batch was not acknowledged. */
export class StorageWriteError extends CollectorError {
  constructor(message: string) {
    super('ERR_STORAGE_WRITE', message);
  }
}

/** The TLS material in the data directory is unusable. */
export class CertificateError extends CollectorError {
  constructor(message: string) {
    super('ERR_CERTIFICATE', message);
  }
}

/** The report could not reach or read the collector's query API. */
export class ReportError extends CollectorError {
  constructor(message: string) {
    super('ERR_REPORT', message);
  }
}
