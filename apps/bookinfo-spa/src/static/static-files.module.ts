import { type DynamicModule, Module } from '@nestjs/common';
import { STATIC_FILES_OPTIONS, type StaticFilesOptions } from './static-files.options';
import { StaticFilesService } from './static-files.service';

/** The built web app, served from memory with precompressed variants and cache headers. */
@Module({})
export class StaticFilesModule {
  static register(options: StaticFilesOptions): DynamicModule {
    return {
      module: StaticFilesModule,
      providers: [{ provide: STATIC_FILES_OPTIONS, useValue: options }, StaticFilesService],
      exports: [StaticFilesService],
    };
  }
}
