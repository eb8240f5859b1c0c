import { type DynamicModule, Module } from '@nestjs/common';
import { TRACK_LIMITS } from './collector-tokens';
import { TrackController } from './ingest/track.controller';
import { type TrackLimits } from './ingest/track-limits';
import { QueryController } from './query/query.controller';
import { SegmentStore } from './storage/segment-store';

@Module({})
export class CollectorModule {
  /** The store is opened (and loaded) before the app is built, so a bad DATA_DIR fails at start. */
  static register(options: { store: SegmentStore; track: TrackLimits }): DynamicModule {
    return {
      module: CollectorModule,
      controllers: [TrackController, QueryController],
      providers: [
        { provide: SegmentStore, useValue: options.store },
        { provide: TRACK_LIMITS, useValue: options.track },
      ],
    };
  }
}
