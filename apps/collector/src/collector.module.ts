import { type DynamicModule, Module } from '@nestjs/common';
import { TRACK_LIMITS } from './collector-tokens';
import { TrackController } from './ingest/track.controller';
import { type TrackLimits } from './ingest/track-limits';
import { QueryController } from './query/query.controller';
import { TelemetryStore } from './storage/telemetry-store';

@Module({})
export class CollectorModule {
  /** The store is opened before the app is built, so a bad DATA_DIR fails at start. */
  static register(options: { store: TelemetryStore; track: TrackLimits }): DynamicModule {
    return {
      module: CollectorModule,
      controllers: [TrackController, QueryController],
      providers: [
        { provide: TelemetryStore, useValue: options.store },
        { provide: TRACK_LIMITS, useValue: options.track },
      ],
    };
  }
}
