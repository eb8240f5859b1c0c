import { Controller, HttpCode, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { TRACK_LIMITS } from '../collector-tokens';
import { StorageWriteError } from '../errors';
import { TelemetryStore } from '../storage/telemetry-store';
import { processTrackBatch } from './track-batch';
import { type TrackLimits } from './track-limits';
import { batchFailure } from './track-response';

/**
 * The Application Insights track API. Accepted items are committed to the database before the
 * answer leaves, so a 200/206 means stored; a storage failure is a 500, which the SDK retries.
 */
@Controller()
export class TrackController {
  private readonly logger = new Logger('Track');

  constructor(
    private readonly store: TelemetryStore,
    @Inject(TRACK_LIMITS) private readonly limits: TrackLimits,
  ) {}

  @Post(['v2.1/track', 'v2/track'])
  @HttpCode(200)
  async track(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const outcome = await processTrackBatch(body, headerOf(request.headers['content-encoding']), this.limits);
    let status: number = outcome.status;
    let response = outcome.response;
    if (outcome.accepted.length > 0) {
      try {
        await this.store.append(outcome.accepted);
      } catch (error) {
        if (!(error instanceof StorageWriteError)) throw error;
        this.logger.error(error.message);
        status = 500;
        response = batchFailure(outcome.response.itemsReceived, 500, 'the collector could not store the batch; retry later');
      }
    }
    await reply.code(status).header('content-type', 'application/json; charset=utf-8').send(response);
  }
}

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}
