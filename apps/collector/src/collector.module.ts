import { type DynamicModule, Module } from '@nestjs/common';
import { TRACK_LIMITS } from './collector-tokens';
import { TrackController } from './ingest/track.controller';
import { type TrackLimits } from './ingest/track-limits';
import { KqlRunner } from './query/kql-runner';
import { LogAnalyticsController } from './query/log-analytics.controller';
import { QueryController } from './query/query.controller';
import { TelemetryStore } from './storage/telemetry-store';

@Module({})
export class CollectorModule {
  /** The store is opened before the app is built, so a bad DATA_DIR fails at start. */
  static register(options: { store: TelemetryStore; runner: KqlRunner; track: TrackLimits }): DynamicModule {
    return {
      module: CollectorModule,
      controllers: [TrackController, QueryController, LogAnalyticsController],
      providers: [
        { provide: TelemetryStore, useValue: options.store },
        { provide: KqlRunner, useValue: options.runner },
        { provide: TRACK_LIMITS, useValue: options.track },
      ],
    };
  }
}
