import { type DependencyRecord, type RequestRecord, type Telemetry } from '../../src/telemetry';

/** A Telemetry that keeps what it is given, to check what callers record. */
export class RecordingTelemetry implements Telemetry {
  readonly enabled = true;
  readonly roleName = 'recording';
  readonly versionTag = 'V1MIR-Recording';
  readonly requests: RequestRecord[] = [];
  readonly dependencies: DependencyRecord[] = [];

  trackRequest(record: RequestRecord): void {
    this.requests.push(record);
  }

  trackDependency(record: DependencyRecord): void {
    this.dependencies.push(record);
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
