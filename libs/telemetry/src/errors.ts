/** Base of every error this package throws; `code` is stable, the message is for people. */
export class TelemetryError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The telemetry configuration is invalid. The message names the variable and the rule,
 * never its value: the connection string is a secret.
 */
export class TelemetryConfigError extends TelemetryError {
  constructor(message: string) {
    super('ERR_TELEMETRY_CONFIG', message);
  }
}
