export { startCollector, type Collector } from './collector.app';
export { loadCollectorConfig, COLLECTOR_ENV, COLLECTOR_DEFAULTS, type CollectorConfig } from './config/collector-config';
export { summaryQuery, readSummaryRows, kqlString, type SummaryRow, type SummaryFilter } from './query/summary-query';
export { parseTimeBound, timeBoundKql, type TimeBound } from './query/time-window';
export { processTrackBatch, type TrackOutcome, type AcceptedItem } from './ingest/track-batch';
export { type TrackResponse, type TrackItemError } from './ingest/track-response';
export { DEFAULT_TRACK_LIMITS, type TrackLimits } from './ingest/track-limits';
export { type StoredItem } from './ingest/stored-item';
export { TelemetryStore, type StoreStats, type StoreOptions } from './storage/telemetry-store';
export { DATABASE_FILE, telemetryStoragePaths } from './storage/storage-files';
export { SqliteTableSource } from './storage/sqlite-table-source';
export { TELEMETRY_TABLES, REQUESTS_TABLE, DEPENDENCIES_TABLE } from './storage/telemetry-tables';
export {
  type TableSource,
  type TableSchema,
  type ColumnSchema,
  type KqlType,
  type ScanRequest,
  type Cell,
  type JsonValue,
} from '@mirrormesh/kql';
export { DEFAULT_STORAGE_LIMITS, type StorageLimits } from './storage/storage-limits';
export { ensureCertificate, certificatePath, type TlsMaterial } from './tls/certificate-store';
export { localConnectionString, LOCAL_INSTRUMENTATION_KEY } from './local-connection-string';
export { formatSummaryTable, formatSummaryJson } from './report/report-table';
export { runReport, type ReportIo } from './report/run-report';
export { parseReportArgs, DEFAULT_REPORT_URL, REPORT_USAGE, type ReportArgs } from './report/report-args';
export { fetchSummary } from './report/fetch-summary';
export { CollectorError, StorageWriteError, StorageOpenError, TableScanError, CertificateError, ReportError } from './errors';
export { kustoBlocks, type KustoBlock } from './report/kusto-blocks';
export { postQuery, QueryRefusedError, QUERY_TIMEOUT_MS } from './report/post-query';
export { formatQueryTable, formatQueryCsv } from './report/query-table';
export { parseQueryAnswer, parseQueryProblem, type QueryAnswer, type AnswerTable, type QueryProblem } from './report/query-answer';
