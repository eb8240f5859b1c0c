export { type AccessLogEntry, type AccessLogFormat, ACCESS_LOG_FORMATS } from './access-log-entry';
export { formatCommonLogLine, formatClfDate } from './common-log-format';
export { createAccessLog, type AccessLog, type AccessLogOptions } from './access-log';
export { redactUrl, REDACTED, SECRET_QUERY_PARAMS } from './redact-url';
