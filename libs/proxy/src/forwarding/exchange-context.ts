import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type CompiledRequestBody, type CompiledRoute } from '../config/compiled-config';
import { type HeaderEditChain } from '../routing/header-edits';
import { type UpstreamHeaders } from './upstream-headers';

/** One downstream request as the live and mirror exchanges see it. */
export interface ExchangeContext {
  /** The proxy's id, carried into every event it publishes. */
  readonly proxyId: string;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly route: CompiledRoute;
  readonly headers: UpstreamHeaders;
  /** The response header operations of the route and the destination picked; set when it is picked. */
  responseEdits: HeaderEditChain | undefined;
  /** How the body is read ahead, from the config in force when the request arrived. */
  readonly requestBody: CompiledRequestBody;
  /** Epoch ms and a monotonic start for durations. */
  readonly startedAt: number;
  readonly t0: number;
}
