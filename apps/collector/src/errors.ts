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

/** A batch could not be committed to the database: it was not acknowledged. */
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

/** A track body refused as a whole, before any item is read: malformed or of an unsupported encoding. */
export class TrackBodyError extends CollectorError {
  constructor(
    code: 'ERR_ENCODING_UNSUPPORTED' | 'ERR_ENCODING_INVALID' | 'ERR_BODY_INVALID',
    readonly status: 400 | 415,
    message: string,
  ) {
    super(code, message);
  }
}

/** A track body past one of the collector's bounds (413), found before the work it bounds was done. */
export class TrackLimitError extends CollectorError {
  constructor(
    /** The environment variable that sets the bound. */
    readonly setting: string,
    readonly bound: number,
    message: string,
  ) {
    super('ERR_TRACK_LIMIT', message);
  }
}

/** The database in DATA_DIR could not be opened, created or upgraded. */
export class StorageOpenError extends CollectorError {
  constructor(message: string) {
    super('ERR_STORAGE_OPEN', message);
  }
}

/** A scan named a table, column or key the telemetry tables do not have. */
export class TableScanError extends CollectorError {
  constructor(message: string) {
    super('ERR_TABLE_SCAN', message);
  }
}
